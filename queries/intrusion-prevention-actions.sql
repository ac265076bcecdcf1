-- How much intrusion prevention stopped, and how much it only detected (rules in detect-only mode), week by week.
-- @param from DATE default NULL First day to count; the earliest event's when omitted.
-- @param to DATE default NULL Last day to count (the whole day); the latest event's when omitted.
--
-- Weeks start on Monday, UTC.
SELECT CAST(date_trunc('week', log_date AT TIME ZONE 'UTC') AS DATE) AS week_start,
       CASE WHEN detect_only THEN 'detect' ELSE 'prevent' END AS mode,
       count(*) AS events,
       count(DISTINCT host_id) AS computers,
       count(DISTINCT rule_name) AS rules
FROM intrusion_prevention_events
WHERE ($from IS NULL OR log_date >= CAST(CAST($from AS DATE) AS TIMESTAMP) AT TIME ZONE 'UTC')
  AND ($to IS NULL OR log_date < CAST(CAST($to AS DATE) + 1 AS TIMESTAMP) AT TIME ZONE 'UTC')
GROUP BY ALL
ORDER BY week_start, mode;
