-- Which days the event archive covers: for each UTC day from the first event to the last, how many events were
-- recorded and from how many computers, so that a day with none (a gap in the forwarding or the archive) shows as 0.
-- @param from DATE default NULL First day to show; the earliest event's when omitted.
-- @param to DATE default NULL Last day to show; the latest event's when omitted.
WITH bounds AS (
  SELECT coalesce(CAST($from AS DATE), CAST(min(log_date AT TIME ZONE 'UTC') AS DATE)) AS first_day,
         coalesce(CAST($to AS DATE), CAST(max(log_date AT TIME ZONE 'UTC') AS DATE)) AS last_day
  FROM events
),
days AS (
  SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day
  FROM bounds
  WHERE first_day IS NOT NULL AND last_day IS NOT NULL
),
counted AS (
  SELECT fk_utc_day(log_date) AS day, count(*) AS events, count(DISTINCT host_id) AS computers
  FROM events
  GROUP BY ALL
)
SELECT d.day, coalesce(c.events, 0) AS events, coalesce(c.computers, 0) AS computers, c.events IS NULL AS gap
FROM days AS d
LEFT JOIN counted AS c USING (day)
ORDER BY d.day;
