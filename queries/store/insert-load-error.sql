INSERT INTO fk_load_errors VALUES ($run_key, $flow_name, $file_key, $message, $source_uri, now());
