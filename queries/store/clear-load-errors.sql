DELETE FROM fk_load_errors WHERE run_key = $run_key AND source_uri = $source_uri;
