-- The events counted by UTC day, type and computer: what the counting questions read instead of every event (at ten
-- million events, a count of computers by week read 1 s from fk_events). Each load adds a row per day, type and
-- computer for the events it wrote (queries/objects/events/load.sql), so that a day loaded in two loads has two
-- rows: a question sums them. Pruning recounts the day it cuts through (queries/store/recount-event-day.sql).
CREATE TABLE IF NOT EXISTS fk_event_days (
  day           DATE NOT NULL,
  event_type    VARCHAR,
  host_id       BIGINT,
  events        BIGINT NOT NULL,
  host_name     VARCHAR,              -- of the latest of these events that names the computer
  host_name_at  TIMESTAMPTZ           -- when that event was recorded
);

-- A store whose events were loaded before the counts were kept gets them once, from its events.
INSERT INTO fk_event_days
SELECT fk_utc_day(log_date) AS day, event_type, host_id, count(*), arg_max(host_name, log_date), max(log_date) FILTER (WHERE host_name IS NOT NULL)
FROM fk_events
WHERE NOT EXISTS (SELECT 1 FROM fk_event_days)
GROUP BY ALL
ORDER BY day, event_type, host_id;
