-- DuckDB's worker threads, for the whole store (every connection).
SET threads = $threads;
