-- The events the store holds, by type: how many, on how many computers, and over which days (UTC).
SELECT event_type,
       count(*) AS events,
       count(DISTINCT host_id) AS computers,
       CAST(min(log_date AT TIME ZONE 'UTC') AS DATE) AS first_day,
       CAST(max(log_date AT TIME ZONE 'UTC') AS DATE) AS last_day
FROM events
GROUP BY event_type
ORDER BY events DESC, event_type;
