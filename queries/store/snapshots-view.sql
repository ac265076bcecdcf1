-- One row per loaded flow run (docs/data-model.md `snapshots`).
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

-- One row per run that failed or was refused, and per record of a loaded run that the model left out or merged
-- (docs/data-model.md `load_errors`). A failed run's rows go when it loads; a loaded run's notices when it reloads.
CREATE OR REPLACE VIEW load_errors AS
SELECT
  run_key,
  flow_name,
  file_key,
  line,
  message,
  failed_at,
  snapshot_at,
  coalesce(kind, 'run-failed') AS kind,
  source_uri
FROM fk_load_errors
UNION ALL
SELECT
  r.run_key,
  r.flow_name,
  n.file_key,
  CAST(NULL AS BIGINT),
  n.message,
  r.loaded_at,
  r.snapshot_at,
  n.kind,
  r.source_uri
FROM fk_record_notices AS n
JOIN fk_runs AS r USING (snapshot_id);
