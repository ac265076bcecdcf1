INSERT INTO fk_records (snapshot_id, object, file_key, record)
SELECT $snapshot_id, $object, $file_key, json
FROM read_json_objects($path, format = 'newline_delimited', hive_partitioning = false)
WHERE json_type(json) = 'OBJECT';
