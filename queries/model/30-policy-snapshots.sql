-- One row per policy per policies run (docs/data-model.md `policy_snapshots`).
CREATE OR REPLACE VIEW policy_snapshots AS
SELECT
  f.snapshot_id,
  r.snapshot_at,
  f.policy_id,
  f.name,
  f.parent_id,
  f.description,
  f.anti_malware_state,
  f.web_reputation_state,
  f.firewall_state,
  f.intrusion_prevention_state,
  f.integrity_monitoring_state,
  f.log_inspection_state,
  f.application_control_state,
  f.settings,
  r.flow_name,
  r.schema_version,
  f.record
FROM fk_policy_facts AS f
JOIN fk_runs AS r USING (snapshot_id);
