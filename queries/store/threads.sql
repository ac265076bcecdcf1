-- DuckDB's worker threads as set (Store.settle sets them back after working on fewer).
SELECT current_setting('threads') AS threads;
