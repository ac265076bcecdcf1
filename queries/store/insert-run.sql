INSERT INTO fk_runs
SELECT $snapshot_id, $object, $flow_name, $run_key, $schema_version::INTEGER, $period_start::TIMESTAMPTZ,
  $period_end::TIMESTAMPTZ, $last_modified::TIMESTAMPTZ, $snapshot_at::TIMESTAMPTZ, $time_source,
  $file_count::INTEGER, (SELECT count(*) FROM fk_records WHERE snapshot_id = $snapshot_id), $signature, $source_uri,
  now();
