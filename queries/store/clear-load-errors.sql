-- The failures recorded for runs that have now loaded.
DELETE FROM fk_load_errors WHERE source_uri = $source_uri AND run_key IN (SELECT unnest($run_keys::VARCHAR[]));
