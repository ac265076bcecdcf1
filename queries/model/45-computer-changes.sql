-- The change timeline of each computer (docs/data-model.md `computer_changes`): one row per changed leaf between a
-- computers run and the previous run of its flow, plus one row per computer created or deleted. It has the shape of
-- policy_changes, its leaves read as policy leaves are (fk_leaves). Volatile leaves (fk_computer_volatile) are left
-- out, so that a row is a real change. Only the
-- computers whose record outside those leaves differs (fk_computer_facts.stable_digest) are compared leaf by leaf,
-- and every step is partitioned by computer, so that a filter on computer_id reads one computer.

-- Leaves that change without anything changing, by dot path: times of communication, scans, policy sends and
-- updates; pattern and engine versions (outdated_updates tracks those); the console's status texts.
CREATE OR REPLACE MACRO fk_computer_volatile(field) AS
  field IN ('lastAgentCommunication', 'lastSendPolicyRequest', 'lastSendPolicySuccess', 'computerStatus.agentStatusMessages')
  OR field = 'securityUpdates' OR starts_with(field, 'securityUpdates.')
  OR contains('.' || field || '.', '.moduleStatus.')
  OR field LIKE '%.last%Scan';

CREATE OR REPLACE VIEW computer_changes AS
WITH runs AS NOT MATERIALIZED (
  SELECT
    snapshot_id,
    flow_name,
    snapshot_at,
    row_number() OVER by_time AS run_number,
    lag(snapshot_id) OVER by_time AS previous_snapshot_id,
    lag(snapshot_at) OVER by_time AS previous_snapshot_at,
    lead(snapshot_id) OVER by_time AS next_snapshot_id,
    lead(snapshot_at) OVER by_time AS next_snapshot_at,
    schema_version IS DISTINCT FROM lag(schema_version) OVER by_time AS schema_changed
  FROM fk_runs
  WHERE object = 'computers'
  WINDOW by_time AS (PARTITION BY flow_name ORDER BY snapshot_at, snapshot_id)
),
seen AS NOT MATERIALIZED (
  SELECT
    f.computer_id,
    f.host_name,
    f.stable_digest,
    r.*,
    lag(r.run_number) OVER by_computer AS previous_seen,
    lag(f.stable_digest) OVER by_computer AS previous_digest,
    lead(r.run_number) OVER by_computer AS next_seen
  FROM fk_computer_facts AS f
  JOIN runs AS r USING (snapshot_id)
  WHERE f.computer_id IS NOT NULL
  WINDOW by_computer AS (PARTITION BY f.computer_id, r.flow_name ORDER BY r.run_number)
),
steps AS NOT MATERIALIZED (
  SELECT computer_id, host_name, snapshot_at AS changed_at, previous_snapshot_at, 'created' AS change_type,
    snapshot_id, previous_snapshot_id, flow_name, schema_changed
  FROM seen
  WHERE run_number > 1 AND (previous_seen IS NULL OR previous_seen < run_number - 1)
  UNION ALL
  SELECT computer_id, host_name, next_snapshot_at, snapshot_at, 'deleted',
    next_snapshot_id, snapshot_id, flow_name, NULL
  FROM seen
  WHERE next_snapshot_id IS NOT NULL AND (next_seen IS NULL OR next_seen > run_number + 1)
  UNION ALL
  SELECT computer_id, host_name, snapshot_at, previous_snapshot_at, 'modified',
    snapshot_id, previous_snapshot_id, flow_name, schema_changed
  FROM seen
  WHERE previous_seen = run_number - 1 AND stable_digest IS DISTINCT FROM previous_digest
),
sides AS NOT MATERIALIZED (
  SELECT s.computer_id, s.snapshot_id, f.snapshot_id = s.snapshot_id AS is_new, f.record
  FROM steps AS s
  JOIN fk_computer_facts AS f
    ON f.computer_id = s.computer_id AND f.snapshot_id IN (s.snapshot_id, s.previous_snapshot_id)
  WHERE s.change_type = 'modified'
),
leaves AS NOT MATERIALIZED (
  SELECT computer_id, snapshot_id, is_new, unnest(fk_leaves(record)) AS leaf
  FROM sides
),
leaf_changes AS NOT MATERIALIZED (
  SELECT computer_id, snapshot_id, leaf.field AS field,
    max(leaf.value) FILTER (WHERE NOT is_new) AS old_value,
    max(leaf.value) FILTER (WHERE is_new) AS new_value,
    bool_or(NOT is_new) AS in_old,
    bool_or(is_new) AS in_new
  FROM leaves
  WHERE NOT fk_computer_volatile(leaf.field)
  GROUP BY computer_id, snapshot_id, leaf.field
  HAVING old_value IS DISTINCT FROM new_value
)
SELECT computer_id, host_name, changed_at, previous_snapshot_at, change_type, NULL::VARCHAR AS field,
  NULL::VARCHAR AS old_value, NULL::VARCHAR AS new_value, snapshot_id, previous_snapshot_id, flow_name
FROM steps
WHERE change_type <> 'modified'
UNION ALL
SELECT s.computer_id, s.host_name, s.changed_at, s.previous_snapshot_at, s.change_type, c.field, c.old_value,
  c.new_value, s.snapshot_id, s.previous_snapshot_id, s.flow_name
FROM steps AS s
JOIN leaf_changes AS c USING (computer_id, snapshot_id)
WHERE s.change_type = 'modified' AND NOT (s.schema_changed AND NOT (c.in_old AND c.in_new));
