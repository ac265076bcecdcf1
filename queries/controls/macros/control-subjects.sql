-- The computers a control checks: each computer as the latest run at or before `as_of` saw it, with its policy's
-- name (as of the same time) and a resource label. Installed as a temporary macro by the control runner.
CREATE OR REPLACE TEMP MACRO fk_control_subjects(as_of) AS TABLE
SELECT
  c.computer_id,
  c.host_name,
  printf('computer %d (%s)', c.computer_id, coalesce(c.host_name, '')) AS resource,
  c.policy_id,
  p.name AS policy_name,
  c.os_family,
  c.cloud_account_id,
  c.cloud_instance_id,
  c.display_name,
  c.platform,
  c.group_id,
  c.agent_version,
  c.agent_version_key,
  c.agent_status,
  c.has_agent,
  c.last_agent_communication,
  c.days_since_communication,
  c.anti_malware_state,
  c.web_reputation_state,
  c.firewall_state,
  c.intrusion_prevention_state,
  c.integrity_monitoring_state,
  c.log_inspection_state,
  c.application_control_state,
  c.snapshot_id,
  c.snapshot_at
FROM computers_as_of(as_of) AS c
LEFT JOIN policies_as_of(as_of) AS p ON p.policy_id = c.policy_id;
