-- The catalog rows of the runs written, as a JSON list of fk_runs rows (loaded_at is now).
INSERT INTO fk_runs (snapshot_id, object, flow_name, run_key, schema_version, period_start, period_end,
  last_modified, snapshot_at, time_source, file_count, row_count, signature, source_uri, loaded_at)
SELECT snapshot_id, object, flow_name, run_key, schema_version, period_start, period_end, last_modified,
  snapshot_at, time_source, file_count, row_count, signature, source_uri, now()
FROM (
  SELECT unnest(json_transform($runs, '[{"snapshot_id": "VARCHAR", "object": "VARCHAR", "flow_name": "VARCHAR",
    "run_key": "VARCHAR", "schema_version": "INTEGER", "period_start": "TIMESTAMPTZ", "period_end": "TIMESTAMPTZ",
    "last_modified": "TIMESTAMPTZ", "snapshot_at": "TIMESTAMPTZ", "time_source": "VARCHAR", "file_count": "INTEGER",
    "row_count": "BIGINT", "signature": "VARCHAR", "source_uri": "VARCHAR"}]'), recursive := true)
);
