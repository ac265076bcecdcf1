-- Intrusion prevention events of a period: stopped (prevent) or only detected (rules in detect-only mode).
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
SELECT CASE WHEN detect_only THEN 'detect' ELSE 'prevent' END AS mode,
       count(*) AS events,
       count(DISTINCT host_id) AS computers,
       count(DISTINCT rule_name) AS rules
FROM intrusion_prevention_events
WHERE log_date >= $from::TIMESTAMPTZ AND log_date < $to::TIMESTAMPTZ
GROUP BY ALL
ORDER BY mode DESC;
