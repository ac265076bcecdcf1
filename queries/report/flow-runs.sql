-- The runs of each flow in a period: how many, the first and last, and how many rows they held.
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
SELECT
  f.object,
  f.flow_name,
  count(s.snapshot_id) AS runs,
  min(s.snapshot_at) AS first_run_at,
  max(s.snapshot_at) AS last_run_at,
  coalesce(sum(s.row_count), 0) AS rows
FROM (SELECT DISTINCT object, flow_name FROM snapshots WHERE snapshot_at < $to::TIMESTAMPTZ) AS f
LEFT JOIN snapshots AS s
  ON s.flow_name = f.flow_name AND s.object = f.object
  AND s.snapshot_at >= $from::TIMESTAMPTZ AND s.snapshot_at < $to::TIMESTAMPTZ
GROUP BY f.object, f.flow_name
ORDER BY f.object, f.flow_name;
