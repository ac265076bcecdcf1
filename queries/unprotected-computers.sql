-- Which computers were unprotected at a time, and why: no agent, an agent that is not active, or required modules off?
-- @param as_of TIMESTAMPTZ default NULL Look at each computer as the latest run at or before this time saw it; the latest run when omitted.
-- @param modules VARCHAR default anti_malware,intrusion_prevention Modules that must be on, comma-separated (any of anti_malware, web_reputation, firewall, intrusion_prevention, integrity_monitoring, log_inspection, application_control).
-- @param flow VARCHAR default NULL The computers flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run at or before as_of is the newest.
-- @param policies_flow VARCHAR default NULL The policies flow to read; when omitted, the primary policies flow at as_of.
--
-- A computer is listed when it has no agent, its agent_status is not 'active', or a required module's state is
-- 'off' or missing. `reasons` names each cause ('no_agent', 'agent_<status>', '<module>_off'); `modules_off`
-- lists the required modules that are off (empty for a computer without an agent). A cloud instance that is stopped
-- or terminated (computer_snapshots.powered_off) is not an unprotected computer and is not listed; fleet-coverage
-- counts them apart.
WITH required AS (
  SELECT list_filter(string_split(lower(replace(coalesce($modules, ''), ' ', '')), ','), m -> m <> '') AS modules
),
checked_modules AS (
  SELECT
    CASE
      WHEN len(list_filter(modules, m -> NOT list_contains(['anti_malware', 'web_reputation', 'firewall',
        'intrusion_prevention', 'integrity_monitoring', 'log_inspection', 'application_control'], m))) > 0
      THEN error('unknown module in modules: ' || array_to_string(modules, ','))
      ELSE modules
    END AS modules
  FROM required
),
computers AS (
  SELECT
    c.*,
    CASE WHEN c.has_agent THEN list_filter(r.modules, m -> coalesce(MAP {
      'anti_malware': c.anti_malware_state,
      'web_reputation': c.web_reputation_state,
      'firewall': c.firewall_state,
      'intrusion_prevention': c.intrusion_prevention_state,
      'integrity_monitoring': c.integrity_monitoring_state,
      'log_inspection': c.log_inspection_state,
      'application_control': c.application_control_state
    }[m], 'off') = 'off') ELSE [] END AS modules_off
  FROM computers_as_of(coalesce(CAST($as_of AS TIMESTAMPTZ), now()), flow := $flow) AS c, checked_modules AS r
  WHERE NOT c.powered_off
),
explained AS (
  SELECT
    *,
    CASE
      WHEN NOT has_agent THEN ['no_agent']
      ELSE list_concat(
        CASE WHEN coalesce(agent_status, '') <> 'active' THEN ['agent_' || coalesce(agent_status, 'unknown')] ELSE [] END,
        list_transform(modules_off, m -> m || '_off'))
    END AS reasons
  FROM computers
)
SELECT
  e.snapshot_id,
  e.snapshot_at,
  e.computer_id,
  e.host_name,
  e.display_name,
  e.platform,
  e.os_family,
  e.policy_id,
  p.name AS policy_name,
  e.agent_version,
  e.agent_status,
  e.last_agent_communication,
  e.days_since_communication,
  e.reasons,
  e.modules_off
FROM explained AS e
LEFT JOIN policies_as_of(coalesce(CAST($as_of AS TIMESTAMPTZ), now()), flow := $policies_flow) AS p ON p.policy_id = e.policy_id
WHERE len(e.reasons) > 0
ORDER BY e.computer_id, e.snapshot_id;
