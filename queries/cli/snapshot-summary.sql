-- What the store holds: per object, how many runs, over which dates, how many records in the latest run.
SELECT
  object,
  count(*) AS runs,
  strftime(min(snapshot_at), '%Y-%m-%d') AS first_run,
  strftime(max(snapshot_at), '%Y-%m-%d') AS last_run,
  arg_max(row_count, snapshot_at) AS rows_in_last_run,
  list(DISTINCT time_source ORDER BY time_source) AS time_sources
FROM snapshots
GROUP BY object
ORDER BY object;
