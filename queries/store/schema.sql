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

-- Columns a store made by an older fleetkit lacks (store/migrations/ fills them in).
ALTER TABLE fk_runs ADD COLUMN IF NOT EXISTS time_source VARCHAR;
ALTER TABLE fk_load_errors ADD COLUMN IF NOT EXISTS snapshot_at TIMESTAMPTZ;

-- Added later; idempotent, so a store made by an older fleetkit gains them when opened.
ALTER TABLE fk_records ADD COLUMN IF NOT EXISTS ordinal BIGINT;        -- the record's place in its file, 1 = first
ALTER TABLE fk_load_errors ADD COLUMN IF NOT EXISTS line BIGINT;       -- the file's line, when known
ALTER TABLE fk_load_errors ADD COLUMN IF NOT EXISTS kind VARCHAR;      -- unreadable-file | no-records | run-failed

-- Records of a loaded run that the model left out or merged (a duplicate ID, a record without a usable ID, a record
-- of the other object), derived with the run's model rows (queries/store/derive/) and replaced when it reloads.
CREATE TABLE IF NOT EXISTS fk_record_notices (
  snapshot_id     VARCHAR NOT NULL,
  kind            VARCHAR NOT NULL,   -- duplicate-id | missing-id | invalid-id | other-object
  file_key        VARCHAR NOT NULL,
  ordinal         BIGINT,             -- the record's place in its file
  message         VARCHAR NOT NULL
);
