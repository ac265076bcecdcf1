-- The raw records and files of runs being replaced (their model rows are derived again).
DELETE FROM fk_records WHERE snapshot_id IN (SELECT unnest($snapshot_ids::VARCHAR[]));
DELETE FROM fk_files WHERE snapshot_id IN (SELECT unnest($snapshot_ids::VARCHAR[]));
