-- After the events recorded before `$before` were removed: the counts of the days before it go, and the day it falls
-- in is counted again from the events it still holds.
DELETE FROM fk_event_days WHERE day <= fk_utc_day(CAST($before AS TIMESTAMPTZ));

INSERT INTO fk_event_days
SELECT fk_utc_day(log_date) AS day, event_type, host_id, count(*), arg_max(host_name, log_date), max(log_date) FILTER (WHERE host_name IS NOT NULL)
FROM fk_events
WHERE log_date >= CAST($before AS TIMESTAMPTZ)
  AND log_date < CAST(fk_utc_day(CAST($before AS TIMESTAMPTZ)) + 1 AS TIMESTAMP) AT TIME ZONE 'UTC'
GROUP BY ALL
ORDER BY day, event_type, host_id;
