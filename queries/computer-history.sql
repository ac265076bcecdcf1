-- How did one computer change over time: its policy, agent version, agent status and each module's state?
-- @param computer_id BIGINT The computer's ID (computer_snapshots.computer_id).
-- @param flow VARCHAR default NULL The computers flow to read (an ID is unique only within a tenant's flow); when omitted, of the flows that saw the computer the one whose latest run is the newest.
-- @param policies_flow VARCHAR default NULL The policies flow policy names are read from; when omitted, the primary policies flow (the one whose latest run is the newest).
--
-- Each run of the one computers flow read is compared with the previous run of that flow that exists. change_type:
-- 'created' when the computer is first seen (or seen again after a run without it), one row per field with its
-- value then; 'modified' one row per field whose value differs; 'deleted' (field NULL) when a run no longer has it.
-- Values are text; policy_name is the name of the computer's policy in the policies run nearest in time to the change.
WITH seen AS (
  SELECT *
  FROM computer_snapshots
  WHERE computer_id = CAST($computer_id AS BIGINT)
),
chosen AS (
  SELECT coalesce(known_flow('computers', $flow), (
    SELECT flow_name
    FROM fk_runs
    WHERE object = 'computers' AND flow_name IN (SELECT flow_name FROM seen)
    ORDER BY snapshot_at DESC, flow_name
    LIMIT 1
  )) AS flow_name
),
runs AS (
  SELECT snapshot_id, flow_name, snapshot_at
  FROM fk_runs
  WHERE object = 'computers' AND flow_name IN (SELECT flow_name FROM chosen)
),
states AS (
  SELECT
    r.snapshot_id,
    r.flow_name,
    r.snapshot_at,
    s.computer_id IS NOT NULL AS present,
    s.host_name,
    s.policy_id,
    [
      {'field': 'policy_id', 'value': CAST(s.policy_id AS VARCHAR)},
      {'field': 'agent_version', 'value': s.agent_version},
      {'field': 'agent_status', 'value': s.agent_status},
      {'field': 'anti_malware_state', 'value': s.anti_malware_state},
      {'field': 'web_reputation_state', 'value': s.web_reputation_state},
      {'field': 'firewall_state', 'value': s.firewall_state},
      {'field': 'intrusion_prevention_state', 'value': s.intrusion_prevention_state},
      {'field': 'integrity_monitoring_state', 'value': s.integrity_monitoring_state},
      {'field': 'log_inspection_state', 'value': s.log_inspection_state},
      {'field': 'application_control_state', 'value': s.application_control_state}
    ] AS fields
  FROM runs AS r
  LEFT JOIN seen AS s USING (snapshot_id)
),
paired AS (
  SELECT
    *,
    coalesce(lag(present) OVER by_time, false) AS was_present,
    lag(fields) OVER by_time AS previous_fields,
    lag(snapshot_at) OVER by_time AS previous_snapshot_at,
    lag(host_name) OVER by_time AS previous_host_name
  FROM states
  WINDOW by_time AS (PARTITION BY flow_name ORDER BY snapshot_at, snapshot_id)
),
changes AS (
  SELECT snapshot_id, flow_name, snapshot_at, previous_snapshot_at, host_name, policy_id, 'created' AS change_type,
    unnest(fields).field AS field, NULL AS old_value, unnest(fields).value AS new_value, generate_subscripts(fields, 1) AS position
  FROM paired
  WHERE present AND NOT was_present
  UNION ALL
  SELECT snapshot_id, flow_name, snapshot_at, previous_snapshot_at, host_name, policy_id, 'modified',
    unnest(fields).field, unnest(previous_fields).value, unnest(fields).value, generate_subscripts(fields, 1)
  FROM paired
  WHERE present AND was_present
  UNION ALL
  SELECT snapshot_id, flow_name, snapshot_at, previous_snapshot_at, previous_host_name, NULL, 'deleted',
    NULL, NULL, NULL, 0
  FROM paired
  WHERE NOT present AND was_present
),
nearest_policy_runs AS (
  SELECT c.snapshot_id, arg_min(r.snapshot_id, abs(epoch(r.snapshot_at) - epoch(c.snapshot_at))) AS policy_snapshot_id
  FROM (SELECT DISTINCT snapshot_id, snapshot_at FROM changes) AS c
  JOIN fk_runs AS r ON r.object = 'policies' AND r.flow_name = chosen_flow('policies', CAST('infinity' AS TIMESTAMPTZ), $policies_flow)
  GROUP BY c.snapshot_id
)
SELECT
  c.snapshot_at AS changed_at,
  c.previous_snapshot_at,
  CAST($computer_id AS BIGINT) AS computer_id,
  c.host_name,
  c.change_type,
  c.field,
  c.old_value,
  c.new_value,
  c.policy_id,
  p.name AS policy_name,
  c.snapshot_id,
  c.flow_name
FROM changes AS c
LEFT JOIN nearest_policy_runs AS r USING (snapshot_id)
LEFT JOIN policy_snapshots AS p ON p.snapshot_id = r.policy_snapshot_id AND p.policy_id = c.policy_id
WHERE c.change_type <> 'modified' OR c.old_value IS DISTINCT FROM c.new_value
ORDER BY c.snapshot_at, c.flow_name, c.position;
