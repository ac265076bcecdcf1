-- One row per loaded flow run (design.md `snapshots`).
CREATE OR REPLACE VIEW snapshots AS
SELECT
  snapshot_id,
  object,
  flow_name,
  snapshot_at,
  time_source,
  schema_version,
  file_count,
  row_count,
  loaded_at,
  period_start,
  period_end,
  last_modified,
  run_key,
  source_uri
FROM fk_runs;
