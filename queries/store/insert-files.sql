-- The files of the runs written, as a JSON list of fk_files rows (partitions: the key's Hive field partitions, or
-- null).
INSERT INTO fk_files (snapshot_id, file_key, etag, size, last_modified, format, partitions, row_count)
SELECT snapshot_id, file_key, etag, size, last_modified, format, partitions, row_count
FROM (
  SELECT unnest(json_transform($files, '[{"snapshot_id": "VARCHAR", "file_key": "VARCHAR", "etag": "VARCHAR",
    "size": "BIGINT", "last_modified": "TIMESTAMPTZ", "format": "VARCHAR", "partitions": "JSON",
    "row_count": "BIGINT"}]'), recursive := true)
);
