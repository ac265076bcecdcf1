-- Runs taken in the period that failed to load, as the store last recorded them: a run whose earlier load stands is
-- placed by its loaded time, a run never loaded by the time its files and folders give. A run that loads later has
-- its errors cleared.
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
WITH runs AS (
  SELECT run_key, flow_name, min(snapshot_at) AS snapshot_at FROM snapshots GROUP BY run_key, flow_name
)
SELECT
  e.flow_name,
  e.run_key,
  coalesce(r.snapshot_at, e.snapshot_at) AS snapshot_at,
  e.file_key,
  e.message,
  e.failed_at
FROM fk_load_errors AS e
LEFT JOIN runs AS r ON r.run_key = e.run_key AND r.flow_name = e.flow_name
WHERE coalesce(r.snapshot_at, e.snapshot_at) >= $from::TIMESTAMPTZ AND coalesce(r.snapshot_at, e.snapshot_at) < $to::TIMESTAMPTZ
ORDER BY e.flow_name, e.run_key, e.file_key;
