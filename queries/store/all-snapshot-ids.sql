SELECT snapshot_id FROM fk_runs ORDER BY snapshot_at;
