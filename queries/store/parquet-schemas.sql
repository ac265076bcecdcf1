-- Each Parquet file's schema as one text (every column and nested field, in order, with its type): files with the
-- same text are read by one statement.
SELECT file_name AS path,
  string_agg(name || ' ' || coalesce(duckdb_type, type, '') || ' ' || coalesce(CAST(num_children AS VARCHAR), ''), ', '
    ORDER BY column_id) AS schema
FROM parquet_schema($paths)
GROUP BY file_name;
