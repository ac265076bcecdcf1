-- The runs the report read, each with what it was used for: the states at both quarter ends and every run of the
-- quarter (trends, policy changes, completeness).
-- @param as_of TIMESTAMPTZ The quarter end.
-- @param previous_as_of TIMESTAMPTZ The previous quarter end.
-- @param from TIMESTAMPTZ The quarter's start (inclusive).
-- @param to TIMESTAMPTZ The quarter's end (exclusive).
WITH used AS (
  SELECT DISTINCT snapshot_id, 'quarter_end' AS role FROM computers_as_of($as_of::TIMESTAMPTZ)
  UNION ALL
  SELECT DISTINCT snapshot_id, 'quarter_end' FROM policies_as_of($as_of::TIMESTAMPTZ)
  UNION ALL
  SELECT DISTINCT snapshot_id, 'previous_quarter_end' FROM computers_as_of($previous_as_of::TIMESTAMPTZ)
  UNION ALL
  SELECT DISTINCT snapshot_id, 'previous_quarter_end' FROM policies_as_of($previous_as_of::TIMESTAMPTZ)
  UNION ALL
  SELECT snapshot_id, 'in_quarter' FROM snapshots
  WHERE snapshot_at >= $from::TIMESTAMPTZ AND snapshot_at < $to::TIMESTAMPTZ
)
SELECT s.snapshot_id, s.object, s.flow_name, s.snapshot_at, list(DISTINCT u.role ORDER BY u.role) AS roles
FROM used AS u
JOIN snapshots AS s USING (snapshot_id)
GROUP BY s.snapshot_id, s.object, s.flow_name, s.snapshot_at
ORDER BY s.snapshot_at, s.snapshot_id;
