UPDATE fk_records SET object = $object WHERE snapshot_id = $snapshot_id;
