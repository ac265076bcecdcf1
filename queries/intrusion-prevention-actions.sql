-- How much intrusion prevention stopped, and how much it only detected (rules in detect-only mode), week by week.
-- @param from DATE default NULL First day to count; the earliest event's when omitted.
-- @param to DATE default NULL Last day to count (the whole day); the latest event's when omitted.
--
-- Weeks start on Monday, UTC.
SELECT CAST(date_trunc('week', fk_utc_day(log_date)) AS DATE) AS week_start,
       CASE WHEN detect_only THEN 'detect' ELSE 'prevent' END AS mode,
       count(*) AS events,
       count(DISTINCT host_id) AS computers,
       count(DISTINCT rule_name) AS rules
FROM intrusion_prevention_events
WHERE fk_on_days(log_date, $from, $to)
GROUP BY ALL
ORDER BY week_start, mode;
