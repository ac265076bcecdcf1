-- {{record}} is a json_object(...) over the file's columns (see src/store/record-expression.ts).
INSERT INTO fk_records (snapshot_id, object, file_key, record)
SELECT $snapshot_id, $object, $file_key, {{record}}
FROM read_parquet($path, hive_partitioning = false);
