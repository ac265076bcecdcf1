-- How many records each file of the runs holds.
SELECT snapshot_id, file_key, count(*) AS records
FROM fk_records
WHERE snapshot_id IN (SELECT unnest($snapshot_ids::VARCHAR[]))
GROUP BY ALL;
