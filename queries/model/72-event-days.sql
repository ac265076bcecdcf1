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

-- The rows of fk_event_days for the events recorded from `since` until before `until` and written at or after
-- `written_since`. Bounds, not optional filters: DuckDB skips row groups by a bound, not by an OR. In order of day,
-- type and computer: counting a week's computers over ten million events' counts took 0.48 s unordered, 0.32 s so.
CREATE OR REPLACE MACRO fk_event_day_counts(since, until, written_since) AS TABLE
SELECT fk_utc_day(log_date) AS day, event_type, host_id, count(*) AS events,
       arg_max(host_name, log_date) AS host_name, max(log_date) FILTER (WHERE host_name IS NOT NULL) AS host_name_at
FROM fk_events
WHERE log_date >= since AND log_date < until AND written_at >= written_since
GROUP BY ALL
ORDER BY day, event_type, host_id;

-- A store whose events were loaded before the counts were kept gets them once, from its events.
INSERT INTO fk_event_days
SELECT * FROM fk_event_day_counts('-infinity'::TIMESTAMPTZ, 'infinity'::TIMESTAMPTZ, '-infinity'::TIMESTAMPTZ)
WHERE NOT EXISTS (SELECT 1 FROM fk_event_days);
