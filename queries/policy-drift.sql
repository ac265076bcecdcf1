-- Which computers run a module in a different state from the one their assigned policy sets, at a time?
-- @param as_of TIMESTAMPTZ default NULL Compare each computer and policy as the latest runs at or before this time saw them; the latest runs when omitted.
-- @param flow VARCHAR default NULL The computers flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run at or before as_of is the newest.
-- @param policies_flow VARCHAR default NULL The policies flow to read; when omitted, the primary policies flow at as_of.
--
-- One row per computer (with an agent) and module whose state differs from its policy's. Computers whose policy is
-- not in the policies run, and modules the policy record has no state for, are not compared.
WITH computers AS (
  SELECT *
  FROM (
    SELECT snapshot_id, snapshot_at, computer_id, host_name, os_family, policy_id, has_agent, anti_malware_state,
      web_reputation_state, firewall_state, intrusion_prevention_state, integrity_monitoring_state,
      log_inspection_state, application_control_state
    FROM computers_as_of(coalesce(CAST($as_of AS TIMESTAMPTZ), now()), flow := $flow)
  )
  UNPIVOT INCLUDE NULLS (computer_state FOR module IN (
    anti_malware_state AS 'anti_malware',
    web_reputation_state AS 'web_reputation',
    firewall_state AS 'firewall',
    intrusion_prevention_state AS 'intrusion_prevention',
    integrity_monitoring_state AS 'integrity_monitoring',
    log_inspection_state AS 'log_inspection',
    application_control_state AS 'application_control'
  ))
),
policies AS (
  SELECT *
  FROM (
    SELECT snapshot_at, policy_id, name, anti_malware_state, web_reputation_state, firewall_state,
      intrusion_prevention_state, integrity_monitoring_state, log_inspection_state, application_control_state
    FROM policies_as_of(coalesce(CAST($as_of AS TIMESTAMPTZ), now()), flow := $policies_flow)
  )
  UNPIVOT INCLUDE NULLS (policy_state FOR module IN (
    anti_malware_state AS 'anti_malware',
    web_reputation_state AS 'web_reputation',
    firewall_state AS 'firewall',
    intrusion_prevention_state AS 'intrusion_prevention',
    integrity_monitoring_state AS 'integrity_monitoring',
    log_inspection_state AS 'log_inspection',
    application_control_state AS 'application_control'
  ))
)
SELECT
  c.snapshot_id,
  c.snapshot_at,
  c.computer_id,
  c.host_name,
  c.os_family,
  c.policy_id,
  p.name AS policy_name,
  p.snapshot_at AS policy_snapshot_at,
  c.module,
  c.computer_state,
  p.policy_state
FROM computers AS c
JOIN policies AS p ON p.policy_id = c.policy_id AND p.module = c.module
WHERE c.has_agent
  AND p.policy_state IS NOT NULL
  AND c.computer_state IS DISTINCT FROM p.policy_state
ORDER BY c.computer_id,
  list_position(['anti_malware', 'web_reputation', 'firewall', 'intrusion_prevention', 'integrity_monitoring',
    'log_inspection', 'application_control'], c.module);
