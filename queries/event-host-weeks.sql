-- Which computers record the most events, week by week: the busiest computers of the period, one row per computer
-- and week in which it recorded any.
-- @param from DATE default NULL First day to count; the earliest event's when omitted.
-- @param to DATE default NULL Last day to count (the whole day); the latest event's when omitted.
-- @param top INTEGER default 20 How many computers to show, the busiest first.
--
-- A computer is named by the host name of its latest event. Weeks start on Monday, UTC.
WITH scoped AS (
  SELECT host_id, host_name, log_date, CAST(date_trunc('week', fk_utc_day(log_date)) AS DATE) AS week_start
  FROM events
  WHERE host_id IS NOT NULL
    AND fk_on_days(log_date, $from, $to)
),
busiest AS (
  SELECT host_id, arg_max(host_name, log_date) AS host_name, count(*) AS total
  FROM scoped
  GROUP BY host_id
  ORDER BY total DESC, host_id
  LIMIT $top
)
SELECT s.week_start, b.host_id, coalesce(b.host_name, CAST(b.host_id AS VARCHAR)) AS host_name, count(*) AS events, b.total AS period_events
FROM scoped AS s
JOIN busiest AS b USING (host_id)
GROUP BY ALL
ORDER BY b.total DESC, b.host_id, s.week_start;
