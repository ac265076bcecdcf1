-- One array of records; an element that is not a record fails the file. `ordinal` is the record's place in it.
INSERT INTO fk_records (snapshot_id, object, file_key, record, ordinal)
SELECT $snapshot_id, $object, $file_key, fk_record_value(json), ordinality
FROM read_json_objects($path, format = 'array', hive_partitioning = false) WITH ORDINALITY;
