-- How healthy are the agents each month: status mix, agents silent too long, agents behind the newest version in use?
-- @param from DATE default NULL First month to show (the month that holds this date); the earliest when omitted.
-- @param to DATE default NULL Last month to show (the month that holds this date); the latest when omitted.
-- @param silent_days INTEGER default 7 An agent is silent when its last communication is more than this many days before the run (or unknown).
-- @param flow VARCHAR default NULL The computers flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run is the newest at the end of the last month shown, so that every month reads the same flow.
--
-- Statuses, silence and versions are counted among computers with an agent, from each month's last computers run.
-- Versions compare numerically part by part (20.0.1.17380 is newer than 20.0.1.690); `behind_newest` counts agents
-- on a version below the newest one any computer in the same run has; `outdated_updates` counts agents with a
-- pattern or engine that is not the latest (`securityUpdates … latest = false`).
WITH month_runs AS (
  SELECT month, snapshot_id, snapshot_at FROM last_runs_in_months('computers', $from, $to, flow := $flow)
),
computers AS (
  SELECT m.month, c.*
  FROM computer_snapshots AS c
  JOIN month_runs AS m USING (snapshot_id)
),
newest AS (
  SELECT snapshot_id, max(agent_version_key) AS newest_key, arg_max(agent_version, agent_version_key) AS newest_version
  FROM computers
  WHERE has_agent
  GROUP BY snapshot_id
)
SELECT
  c.month,
  c.snapshot_id,
  c.snapshot_at,
  count(*) AS computers,
  count(*) FILTER (WHERE c.has_agent) AS with_agent,
  count(*) FILTER (WHERE c.has_agent AND c.agent_status = 'active') AS active,
  count(*) FILTER (WHERE c.has_agent AND c.agent_status = 'warning') AS warning,
  count(*) FILTER (WHERE c.has_agent AND c.agent_status = 'error') AS error,
  count(*) FILTER (WHERE c.has_agent AND c.agent_status = 'inactive') AS inactive,
  count(*) FILTER (WHERE c.has_agent AND c.agent_status = 'not-supported') AS not_supported,
  count(*) FILTER (WHERE c.has_agent AND (c.agent_status IS NULL
    OR c.agent_status NOT IN ('active', 'warning', 'error', 'inactive', 'not-supported'))) AS unknown,
  count(*) FILTER (WHERE c.has_agent AND (c.days_since_communication IS NULL
    OR c.days_since_communication > CAST($silent_days AS DOUBLE))) AS silent,
  count(*) FILTER (WHERE c.has_agent AND c.agent_version_key < n.newest_key) AS behind_newest,
  count(*) FILTER (WHERE c.has_agent AND len(c.outdated_updates) > 0) AS outdated_updates,
  any_value(n.newest_version) AS newest_version
FROM computers AS c
LEFT JOIN newest AS n USING (snapshot_id)
GROUP BY c.month, c.snapshot_id, c.snapshot_at
ORDER BY c.month;
