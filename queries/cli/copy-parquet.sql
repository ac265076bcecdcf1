-- The query placeholder is the user's own query (SQL text, a .sql file, or a named query); its values stay bound parameters.
COPY ({{query}}) TO $fleetkit_out_path (FORMAT parquet, COMPRESSION zstd);
