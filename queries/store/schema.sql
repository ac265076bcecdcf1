-- The store's own tables: the catalog of loaded runs and files, every record whole, and load errors.
-- Idempotent: run every time a store is opened.
CREATE TABLE IF NOT EXISTS fk_runs (
  snapshot_id     VARCHAR NOT NULL,   -- the AppFlow execution id, or the run folder's path when the layout has none
  object          VARCHAR NOT NULL,   -- computers | policies | the flow's own object name
  flow_name       VARCHAR NOT NULL,
  run_key         VARCHAR NOT NULL,   -- key prefix (relative to the source root) that holds the run's files
  schema_version  INTEGER,
  period_start    TIMESTAMPTZ,        -- the UTC period named by the key's date folders, if any
  period_end      TIMESTAMPTZ,
  last_modified   TIMESTAMPTZ,        -- latest LastModified (or file mtime) of the run's files
  snapshot_at     TIMESTAMPTZ NOT NULL,
  time_source     VARCHAR NOT NULL,   -- last_modified | partition
  file_count      INTEGER NOT NULL,
  row_count       BIGINT NOT NULL,
  signature       VARCHAR NOT NULL,   -- digest of the run's (key, etag) pairs: a change reloads the run
  source_uri      VARCHAR NOT NULL,
  loaded_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS fk_files (
  snapshot_id     VARCHAR NOT NULL,
  file_key        VARCHAR NOT NULL,
  etag            VARCHAR NOT NULL,
  size            BIGINT NOT NULL,
  last_modified   TIMESTAMPTZ NOT NULL,
  format          VARCHAR NOT NULL,   -- json-lines | json-array | csv | parquet
  partitions      JSON,               -- Hive field partitions of the key, {"Field": "value" | null}
  row_count       BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS fk_records (
  snapshot_id     VARCHAR NOT NULL,
  object          VARCHAR NOT NULL,
  file_key        VARCHAR NOT NULL,
  record          JSON NOT NULL       -- the source record whole; CSV and all-string Parquet cells holding JSON are parsed
);

CREATE TABLE IF NOT EXISTS fk_load_errors (
  run_key         VARCHAR NOT NULL,
  flow_name       VARCHAR NOT NULL,
  file_key        VARCHAR,
  message         VARCHAR NOT NULL,
  source_uri      VARCHAR NOT NULL,
  failed_at       TIMESTAMPTZ NOT NULL,
  snapshot_at     TIMESTAMPTZ         -- when the run was taken, by the same rule as fk_runs.snapshot_at
);

CREATE TABLE IF NOT EXISTS fk_meta (
  name            VARCHAR NOT NULL,
  value           VARCHAR NOT NULL
);
