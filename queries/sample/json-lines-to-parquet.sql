-- Writes the records of a JSON-lines file to Parquet, one column per top-level field, typed by $structure.
COPY (
  SELECT unnest(json_transform(json, $structure))
  FROM read_json_objects($source, format = 'newline_delimited')
) TO $destination (FORMAT parquet);
