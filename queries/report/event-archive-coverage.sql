-- How much of a period the event archive covers: the store's first and last event, the computers that recorded
-- events in the period, and the UTC days of the period, between those two, on which no event was recorded (a gap in
-- the forwarding or the archive).
-- @param from TIMESTAMPTZ The period's start (inclusive).
-- @param to TIMESTAMPTZ The period's end (exclusive).
WITH archive AS (
  SELECT CAST(min(log_date AT TIME ZONE 'UTC') AS DATE) AS first_day, CAST(max(log_date AT TIME ZONE 'UTC') AS DATE) AS last_day,
         count(*) AS events
  FROM events
),
span AS (
  SELECT greatest(first_day, CAST($from::TIMESTAMPTZ AT TIME ZONE 'UTC' AS DATE)) AS span_start,
         least(last_day, CAST(($to::TIMESTAMPTZ - INTERVAL 1 MICROSECOND) AT TIME ZONE 'UTC' AS DATE)) AS span_end
  FROM archive
),
days AS (
  SELECT CAST(unnest(generate_series(span_start, span_end, INTERVAL 1 DAY)) AS DATE) AS day FROM span WHERE span_start <= span_end
),
recorded AS (
  SELECT DISTINCT fk_utc_day(log_date) AS day
  FROM events
  WHERE log_date >= $from::TIMESTAMPTZ AND log_date < $to::TIMESTAMPTZ
)
SELECT a.first_day, a.last_day, a.events AS archive_events,
       (SELECT count(DISTINCT host_id) FROM events WHERE log_date >= $from::TIMESTAMPTZ AND log_date < $to::TIMESTAMPTZ) AS quarter_computers,
       (SELECT count(*) FROM days) AS covered_days,
       (SELECT list(day ORDER BY day) FROM days WHERE day NOT IN (SELECT day FROM recorded)) AS gap_days
FROM archive AS a;
