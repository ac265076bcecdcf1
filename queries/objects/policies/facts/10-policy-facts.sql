-- One typed row per policy of the run (its records that store/derive/judge-records.sql does not leave out), with
-- its settings as a name → value map and the record itself (policies are few, so keeping the record here costs
-- little and spares a JSON join at query time).
INSERT INTO fk_policy_facts BY NAME
SELECT
  snapshot_id,
  id AS policy_id,
  p.name AS name,
  fk_integer_id(p.parentID) AS parent_id,
  p.description AS description,
  p.antiMalware.state AS anti_malware_state,
  p.webReputation.state AS web_reputation_state,
  p.firewall.state AS firewall_state,
  p.intrusionPrevention.state AS intrusion_prevention_state,
  p.integrityMonitoring.state AS integrity_monitoring_state,
  p.logInspection.state AS log_inspection_state,
  p.applicationControl.state AS application_control_state,
  map_from_entries(list_transform(map_entries(p.policySettings), s -> {'key': s.key, 'value': s.value.value})) AS settings,
  record
FROM (
  SELECT s.snapshot_id, s.id, r.record, s.p
  FROM fk_run_parsed AS s
  JOIN fk_records AS r ON r.rowid = s.record_rowid
  WHERE s.record_rowid NOT IN (SELECT record_rowid FROM fk_run_left_out)
);
