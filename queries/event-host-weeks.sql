-- Which computers record the most events, week by week: the busiest computers of the period, one row per computer
-- and week in which it recorded any.
-- @param from DATE default NULL First day to count; the earliest event's when omitted.
-- @param to DATE default NULL Last day to count (the whole day); the latest event's when omitted.
-- @param top INTEGER default 20 How many computers to show, the busiest first.
--
-- A computer is named by the host name of its latest event. Weeks start on Monday, UTC.
WITH scoped AS (
  SELECT host_id, host_name, host_name_at, CAST(date_trunc('week', day) AS DATE) AS week_start, events
  FROM fk_event_days
  WHERE host_id IS NOT NULL
    AND fk_in_days(day, $from, $to)
),
busiest AS (
  SELECT host_id, arg_max(host_name, host_name_at) AS host_name, CAST(sum(events) AS BIGINT) AS total
  FROM scoped
  GROUP BY host_id
  ORDER BY total DESC, host_id
  LIMIT $top
)
SELECT s.week_start, b.host_id, coalesce(b.host_name, CAST(b.host_id AS VARCHAR)) AS host_name, CAST(sum(s.events) AS BIGINT) AS events, b.total AS period_events
FROM scoped AS s
JOIN busiest AS b USING (host_id)
GROUP BY s.week_start, b.host_id, b.host_name, b.total
ORDER BY b.total DESC, b.host_id, s.week_start;
