INSERT INTO fk_files (snapshot_id, file_key, etag, size, last_modified, format, partitions, row_count)
SELECT $snapshot_id, $file_key, $etag, $size, $last_modified::TIMESTAMPTZ, $format, $partitions::JSON,
  (SELECT count(*) FROM fk_records WHERE snapshot_id = $snapshot_id AND file_key = $file_key);
