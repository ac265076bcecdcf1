-- How much of the fleet is protected, per month, OS family and module, as each month's last computers run saw it?
-- @param from DATE default NULL First month to show (the month that holds this date); the earliest when omitted.
-- @param to DATE default NULL Last month to show (the month that holds this date); the latest when omitted.
-- @param flow VARCHAR default NULL The computers flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run is the newest at the end of the last month shown, so that every month reads the same flow.
--
-- Coverage definitions (also in docs/data-model.md):
--   module 'agent': computers = all computers (but powered_off ones); covered = computers with an agent
--   (agent_version not 0.0.0.0).
--   every other module: computers = computers with an agent; covered = those whose module state is known and not
--   'off'. For intrusion_prevention, `prevent` and `detect` split the covered computers by mode.
--   coverage = covered / computers (NULL when computers is 0). os_family 'all' is every family together.
--   Cloud instances that are stopped or terminated (powered_off) are not counted in computers, covered, prevent or
--   detect: powered_off counts them apart (the same number on every module row of a month and OS family).
WITH month_runs AS (
  SELECT month, snapshot_id, snapshot_at FROM last_runs_in_months('computers', $from, $to, flow := $flow)
),
computers AS (
  SELECT m.month, c.snapshot_id, c.snapshot_at, c.os_family, c.has_agent, c.powered_off, 'on' AS agent_state,
    c.anti_malware_state, c.web_reputation_state, c.firewall_state, c.intrusion_prevention_state,
    c.integrity_monitoring_state, c.log_inspection_state, c.application_control_state
  FROM computer_snapshots AS c
  JOIN month_runs AS m USING (snapshot_id)
),
module_states AS (
  SELECT *
  FROM computers
  UNPIVOT INCLUDE NULLS (state FOR module IN (
    agent_state AS 'agent',
    anti_malware_state AS 'anti_malware',
    web_reputation_state AS 'web_reputation',
    firewall_state AS 'firewall',
    intrusion_prevention_state AS 'intrusion_prevention',
    integrity_monitoring_state AS 'integrity_monitoring',
    log_inspection_state AS 'log_inspection',
    application_control_state AS 'application_control'
  ))
),
counted AS (
  SELECT
    month,
    snapshot_id,
    snapshot_at,
    CASE WHEN grouping(os_family) = 1 THEN 'all' ELSE os_family END AS os_family,
    module,
    CASE WHEN module = 'agent' THEN count(*) FILTER (WHERE NOT powered_off)
      ELSE count(*) FILTER (WHERE has_agent AND NOT powered_off) END AS computers,
    count(*) FILTER (WHERE has_agent AND NOT powered_off AND state <> 'off') AS covered,
    CASE WHEN module = 'intrusion_prevention'
      THEN count(*) FILTER (WHERE has_agent AND NOT powered_off AND state = 'prevent') END AS prevent,
    CASE WHEN module = 'intrusion_prevention'
      THEN count(*) FILTER (WHERE has_agent AND NOT powered_off AND state = 'detect') END AS detect,
    count(*) FILTER (WHERE powered_off) AS powered_off
  FROM module_states
  GROUP BY GROUPING SETS ((month, snapshot_id, snapshot_at, os_family, module), (month, snapshot_id, snapshot_at, module))
)
SELECT
  month,
  snapshot_id,
  snapshot_at,
  os_family,
  module,
  computers,
  covered,
  covered / nullif(computers, 0) AS coverage,
  prevent,
  detect,
  powered_off
FROM counted
ORDER BY
  month,
  list_position(['all', 'windows', 'linux', 'other'], os_family),
  list_position(['agent', 'anti_malware', 'web_reputation', 'firewall', 'intrusion_prevention',
    'integrity_monitoring', 'log_inspection', 'application_control'], module);
