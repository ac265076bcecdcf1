-- Every loaded run, oldest first, with the bytes of its files (what deriving it again holds in memory).
SELECT r.snapshot_id, coalesce(sum(f.size), 0) AS bytes
FROM fk_runs AS r
LEFT JOIN fk_files AS f USING (snapshot_id)
GROUP BY r.snapshot_id, r.snapshot_at
ORDER BY r.snapshot_at, r.snapshot_id;
