-- How many security and system events of each type were recorded in each day, week or month (by when the agent
-- recorded them, not when they arrived), and on how many computers?
-- @param from DATE default NULL First day to count; the earliest event's when omitted.
-- @param to DATE default NULL Last day to count (the whole day); the latest event's when omitted.
-- @param grain VARCHAR default week The period to count by: day, week (weeks start on Monday) or month.
--
-- Each event counts once however often it was delivered. Days, weeks and months are UTC.
SELECT
  CAST(date_trunc(
    CASE WHEN $grain IN ('day', 'week', 'month') THEN $grain ELSE error('grain must be day, week or month, not ' || $grain) END,
    day) AS DATE) AS period_start,
  event_type,
  CAST(sum(events) AS BIGINT) AS events,
  count(DISTINCT host_id) AS computers
FROM fk_event_days
WHERE fk_in_days(day, $from, $to)
GROUP BY ALL
ORDER BY period_start, event_type;
