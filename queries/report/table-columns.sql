-- The columns of one of the session's temporary tables, in order.
-- @param table VARCHAR The table's name.
SELECT column_name
FROM duckdb_columns()
WHERE database_name = 'temp' AND table_name = $table
ORDER BY column_index;
