-- Writes a table as Parquet evidence, with its types.
-- @param table VARCHAR The table or view to write.
-- @param file VARCHAR The file to write.
COPY (FROM query_table($table)) TO $file (FORMAT parquet);
