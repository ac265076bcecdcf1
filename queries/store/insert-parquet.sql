-- The record placeholder is a json_object(...) over the file's columns (src/store/record-expression.ts).
INSERT INTO fk_records (snapshot_id, object, file_key, record, ordinal)
SELECT $snapshot_id, $object, $file_key, {{record}}, ordinality
FROM read_parquet($path, hive_partitioning = false) WITH ORDINALITY;
