-- Which days the event archive covers: for each UTC day from the first event to the last, how many events were
-- recorded and from how many computers, so that a day with none (a gap in the forwarding or the archive) shows as 0.
-- @param from DATE default NULL First day to show; the earliest event's when omitted.
-- @param to DATE default NULL Last day to show; the latest event's when omitted.
WITH bounds AS (
  SELECT coalesce(CAST($from AS DATE), min(day)) AS first_day, coalesce(CAST($to AS DATE), max(day)) AS last_day
  FROM fk_event_days
),
days AS (
  SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day
  FROM bounds
  WHERE first_day IS NOT NULL AND last_day IS NOT NULL
),
counted AS (
  SELECT day, CAST(sum(events) AS BIGINT) AS events, count(DISTINCT host_id) AS computers
  FROM fk_event_days
  GROUP BY ALL
)
SELECT d.day, coalesce(c.events, 0) AS events, coalesce(c.computers, 0) AS computers, c.events IS NULL AS gap
FROM days AS d
LEFT JOIN counted AS c USING (day)
ORDER BY d.day;
