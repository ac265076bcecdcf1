-- The object each run's records are stored under (one per run: store/set-run-object.sql sets it for all of them).
SELECT snapshot_id, any_value(object) AS object
FROM fk_records
WHERE snapshot_id IN (SELECT unnest($snapshot_ids::VARCHAR[]))
GROUP BY snapshot_id;
