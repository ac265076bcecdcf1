-- DuckDB's setting as text, such as '64.0 MiB' (Store.checkpointIfLogFull).
SELECT current_setting('checkpoint_threshold') AS threshold;
