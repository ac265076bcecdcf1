-- Top-level field names of a run's first records, to tell which object a flow holds.
SELECT DISTINCT unnest(json_keys(record)) AS field
FROM (SELECT record FROM fk_records WHERE snapshot_id = $snapshot_id LIMIT 20);
