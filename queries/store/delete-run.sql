DELETE FROM fk_records WHERE snapshot_id = $snapshot_id;
DELETE FROM fk_files WHERE snapshot_id = $snapshot_id;
DELETE FROM fk_runs WHERE snapshot_id = $snapshot_id;
