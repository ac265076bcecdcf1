-- The object a run's records are stored under.
SELECT object FROM fk_records WHERE snapshot_id = $snapshot_id LIMIT 1;
