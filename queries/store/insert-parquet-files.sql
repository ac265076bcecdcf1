-- The records of several Parquet files of one schema (the record placeholder is a json_object(...) over its
-- columns, src/store/record-expression.ts, read where only the file's columns are in scope); `$files` names each
-- path's run, object and key. `ordinal` is the row's place in its file, 1 = first.
INSERT INTO fk_records (snapshot_id, object, file_key, record, ordinal)
SELECT f.snapshot_id, f.object, f.file_key, p.record, p.file_row_number + 1
FROM (
  SELECT {{record}} AS record, file_row_number, fk_file_path
  FROM read_parquet($paths, hive_partitioning = false, filename = 'fk_file_path', file_row_number = true)
) AS p
JOIN (
  SELECT unnest(json_transform($files, '[{"path": "VARCHAR", "snapshot_id": "VARCHAR", "object": "VARCHAR",
    "file_key": "VARCHAR"}]'), recursive := true)
) AS f ON f.path = p.fk_file_path;
