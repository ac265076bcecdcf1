-- Which agent versions run in the fleet, and on how many computers, as each month's last computers run saw it?
-- @param from DATE default NULL First month to show (the month that holds this date); the earliest when omitted.
-- @param to DATE default NULL Last month to show (the month that holds this date); the latest when omitted.
-- @param flow VARCHAR default NULL The computers flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run is the newest at the end of the last month shown, so that every month reads the same flow.
--
-- Only computers with an agent are counted; versions are listed newest first, compared numerically part by part.
WITH month_runs AS (
  SELECT month, snapshot_id, snapshot_at FROM last_runs_in_months('computers', $from, $to, flow := $flow)
)
SELECT
  m.month,
  m.snapshot_id,
  m.snapshot_at,
  c.agent_version,
  count(*) AS computers
FROM computer_snapshots AS c
JOIN month_runs AS m USING (snapshot_id)
WHERE c.has_agent
GROUP BY m.month, m.snapshot_id, m.snapshot_at, c.agent_version, c.agent_version_key
ORDER BY m.month, c.agent_version_key DESC, c.agent_version;
