-- The last computers run in a period: the state the report calls "quarter end". Ties go to the first flow name, as
-- the primary flow's do (queries/model/50-runs.sql).
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
SELECT snapshot_id, snapshot_at
FROM snapshots
WHERE object = 'computers' AND snapshot_at >= $from::TIMESTAMPTZ AND snapshot_at < $to::TIMESTAMPTZ
ORDER BY snapshot_at DESC, flow_name, snapshot_id DESC
LIMIT 1;
