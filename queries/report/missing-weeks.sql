-- Weeks of a period with no run of a flow. Weeks are ISO weeks (Monday to Sunday, UTC) that overlap the period and
-- had begun by `now`; a run anywhere in the week counts, also on its days outside the period. Flows are those with
-- a run before the period's end.
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
-- @param now TIMESTAMPTZ The time the report is made: weeks not yet begun are not missing.
WITH weeks AS (
  SELECT week_start, week_start + INTERVAL 7 DAY AS week_end
  FROM generate_series(
    date_trunc('week', $from::TIMESTAMPTZ AT TIME ZONE 'UTC'),
    ($to::TIMESTAMPTZ AT TIME ZONE 'UTC') - INTERVAL 1 MICROSECOND,
    INTERVAL 7 DAY
  ) AS t(week_start)
  WHERE week_start < ($now::TIMESTAMPTZ AT TIME ZONE 'UTC')
),
flows AS (
  SELECT DISTINCT object, flow_name FROM snapshots WHERE snapshot_at < $to::TIMESTAMPTZ
)
SELECT
  f.object,
  f.flow_name,
  strftime(w.week_start, '%G-W%V') AS week,
  w.week_start::DATE AS week_start,
  (w.week_end - INTERVAL 1 DAY)::DATE AS week_end
FROM flows AS f
CROSS JOIN weeks AS w
WHERE NOT EXISTS (
  SELECT 1
  FROM snapshots AS s
  WHERE s.object = f.object AND s.flow_name = f.flow_name
    AND (s.snapshot_at AT TIME ZONE 'UTC') >= w.week_start AND (s.snapshot_at AT TIME ZONE 'UTC') < w.week_end
)
ORDER BY f.object, f.flow_name, w.week_start;
