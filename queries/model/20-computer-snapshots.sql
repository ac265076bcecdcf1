-- One row per computer per computers run, plus derived columns (docs/data-model.md `computer_snapshots`). A cloud
-- instance that is stopped or terminated is `powered_off`, not an unprotected computer. Only states that say stopped
-- count: an empty or unrecognised state leaves the computer counted.
CREATE OR REPLACE VIEW computer_snapshots AS
SELECT
  f.snapshot_id,
  r.snapshot_at,
  f.computer_id,
  f.host_name,
  f.display_name,
  f.platform,
  f.policy_id,
  f.group_id,
  f.agent_version,
  f.agent_status,
  f.last_agent_communication,
  f.cloud_account_id,
  f.cloud_instance_id,
  f.anti_malware_state,
  f.web_reputation_state,
  f.firewall_state,
  f.intrusion_prevention_state,
  f.integrity_monitoring_state,
  f.log_inspection_state,
  f.application_control_state,
  f.os_family,
  f.has_agent,
  (epoch_us(r.snapshot_at) - epoch_us(f.last_agent_communication)) / 86400000000 AS days_since_communication,
  CAST(date_trunc('month', r.snapshot_at AT TIME ZONE 'UTC') AS DATE) AS month,
  f.agent_version_key,
  f.outdated_updates,
  r.flow_name,
  r.schema_version,
  f.instance_state,
  coalesce(lower(trim(f.instance_state)) IN ('power off', 'powered off', 'stopped', 'stopping', 'terminated',
    'shutting-down', 'deallocated', 'deallocating', 'suspended'), false) AS powered_off,
  f.record
FROM fk_computer_facts AS f
JOIN fk_runs AS r USING (snapshot_id);
