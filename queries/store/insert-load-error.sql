-- A run's latest failure replaces its earlier ones: one row per failing run, however often it is retried.
DELETE FROM fk_load_errors WHERE run_key = $run_key AND source_uri = $source_uri;
INSERT INTO fk_load_errors (run_key, flow_name, file_key, message, source_uri, failed_at, snapshot_at, line, kind)
VALUES ($run_key, $flow_name, $file_key, $message, $source_uri, now(), $snapshot_at::TIMESTAMPTZ, $line::BIGINT, $kind);
