-- The security and system events recorded in a period, by type, each counted once.
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
SELECT event_type, count(*) AS events, count(DISTINCT host_id) AS computers
FROM events
WHERE log_date >= $from::TIMESTAMPTZ AND log_date < $to::TIMESTAMPTZ
GROUP BY event_type
ORDER BY events DESC, event_type;
