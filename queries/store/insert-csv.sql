-- The record placeholder is a json_object(...) over the file's columns, built from its header (src/store/record-expression.ts).
INSERT INTO fk_records (snapshot_id, object, file_key, record, ordinal)
SELECT $snapshot_id, $object, $file_key, {{record}}, ordinality
FROM read_csv($path, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, skip = 0, hive_partitioning = false) WITH ORDINALITY;
