-- The raw records and files of a run being replaced (its model rows are derived again).
DELETE FROM fk_records WHERE snapshot_id = $snapshot_id;
DELETE FROM fk_files WHERE snapshot_id = $snapshot_id;
