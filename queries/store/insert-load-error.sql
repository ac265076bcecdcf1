INSERT INTO fk_load_errors (run_key, flow_name, file_key, message, source_uri, failed_at, snapshot_at)
VALUES ($run_key, $flow_name, $file_key, $message, $source_uri, now(), $snapshot_at::TIMESTAMPTZ);
