-- JSON values, each a record or an array of records (a page); any other value fails the file. `$format` is
-- `newline_delimited` (one value per line, read in parallel) or `unstructured` (values that span lines, or follow a
-- byte-order mark). `ordinal` is the record's place in its file.
INSERT INTO fk_records (snapshot_id, object, file_key, record, ordinal)
SELECT $snapshot_id, $object, $file_key, record, row_number() OVER (ORDER BY value_number, element_number)
FROM (
  SELECT value_number, unnest(records) AS record, generate_subscripts(records, 1) AS element_number
  FROM (
    SELECT ordinality AS value_number, fk_page_records(json) AS records
    FROM read_json_objects($path, format = $format, hive_partitioning = false) WITH ORDINALITY
  )
);
