-- How many computers, and how many with an agent, per month and OS family, as each month's last computers run saw it?
-- @param from DATE default NULL First month to show (the month that holds this date); the earliest when omitted.
-- @param to DATE default NULL Last month to show (the month that holds this date); the latest when omitted.
-- @param flow VARCHAR default NULL The computers flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run is the newest at the end of the last month shown, so that every month reads the same flow.
WITH month_runs AS (
  SELECT month, snapshot_id, snapshot_at FROM last_runs_in_months('computers', $from, $to, flow := $flow)
)
SELECT
  m.month,
  m.snapshot_id,
  m.snapshot_at,
  c.os_family,
  count(*) AS computers,
  count(*) FILTER (WHERE c.has_agent) AS with_agent
FROM computer_snapshots AS c
JOIN month_runs AS m USING (snapshot_id)
GROUP BY m.month, m.snapshot_id, m.snapshot_at, c.os_family
ORDER BY m.month, list_position(['windows', 'linux', 'other'], c.os_family);
