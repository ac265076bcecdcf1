-- Whether the store has fleetkit's meta table (a store made before it, or an empty file, has none).
SELECT count(*) > 0 AS present
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'fk_meta';
