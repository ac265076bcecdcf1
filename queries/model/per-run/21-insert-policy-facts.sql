-- One typed row per policy record of the run, with its settings as a name → value map and the record itself
-- (policies are few, so keeping the record here costs little and spares a JSON join at query time).
INSERT INTO fk_policy_facts
SELECT
  $snapshot_id,
  TRY_CAST(p.ID AS BIGINT),
  p.name,
  TRY_CAST(p.parentID AS BIGINT),
  p.description,
  p.antiMalware.state,
  p.webReputation.state,
  p.firewall.state,
  p.intrusionPrevention.state,
  p.integrityMonitoring.state,
  p.logInspection.state,
  p.applicationControl.state,
  map_from_entries(list_transform(map_entries(p.policySettings), s -> {'key': s.key, 'value': s.value.value})),
  record
FROM (
  SELECT record, json_transform(record, '{
    "ID": "VARCHAR", "name": "VARCHAR", "parentID": "VARCHAR", "description": "VARCHAR",
    "antiMalware": {"state": "VARCHAR"},
    "webReputation": {"state": "VARCHAR"},
    "firewall": {"state": "VARCHAR"},
    "intrusionPrevention": {"state": "VARCHAR"},
    "integrityMonitoring": {"state": "VARCHAR"},
    "logInspection": {"state": "VARCHAR"},
    "applicationControl": {"state": "VARCHAR"},
    "policySettings": "MAP(VARCHAR, STRUCT(value VARCHAR))"
  }') AS p
  FROM fk_records
  WHERE snapshot_id = $snapshot_id AND object = 'policies'
);
