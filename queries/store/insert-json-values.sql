-- JSON values, each a record or an array of records (a page); any other value fails the file. `$format` is
-- `newline_delimited` (one value per line) or `unstructured` (values that span lines, or follow a
-- byte-order mark). `ordinal` is the record's place in its file: values and their elements arrive in file order, and
-- a row number over them streams, on one thread (one ordered by them holds the whole file in memory: a 150 MB run
-- did not fit in 256MB).
INSERT INTO fk_records (snapshot_id, object, file_key, record, ordinal)
SELECT $snapshot_id, $object, $file_key, record, row_number() OVER ()
FROM (
  SELECT value_number, unnest(records) AS record, generate_subscripts(records, 1) AS element_number
  FROM (
    SELECT ordinality AS value_number, fk_page_records(json) AS records
    FROM read_json_objects($path, format = $format, hive_partitioning = false) WITH ORDINALITY
  )
);
