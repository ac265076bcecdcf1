-- The object each run's records are stored under (a run of several is read as its first record's).
SELECT snapshot_id, any_value(object) AS object
FROM fk_records
WHERE snapshot_id IN (SELECT unnest($snapshot_ids::VARCHAR[]))
GROUP BY snapshot_id;
