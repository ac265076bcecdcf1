DELETE FROM fk_record_notices WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch);
