DELETE FROM fk_record_notices WHERE snapshot_id = $snapshot_id;
