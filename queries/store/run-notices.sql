SELECT kind, file_key, message FROM fk_record_notices WHERE snapshot_id = $snapshot_id ORDER BY file_key, ordinal;
