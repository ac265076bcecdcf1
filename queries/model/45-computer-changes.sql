-- The change timeline of each computer (docs/data-model.md `computer_changes`): one row per changed leaf between a
-- computers run and the previous run of its flow, plus one row per computer created or deleted. It has the shape of
-- policy_changes, its leaves read as policy leaves are (fk_policy_leaves). Volatile leaves (fk_computer_volatile) are
-- left out, so that a row is a real change. Only the
-- computers whose record outside those leaves differs (fk_computer_facts.stable_digest) are compared leaf by leaf,
-- and every step is partitioned by computer, so that a filter on computer_id reads one computer.

-- Leaves that change without anything changing, by the path of their parent (NULL at the top) and their key: times
-- of communication, scans, policy sends and updates; pattern and engine versions (outdated_updates tracks those);
-- the console's status texts.
CREATE OR REPLACE MACRO fk_computer_volatile(parent, key) AS
  CASE
    WHEN parent IS NULL THEN key IN ('lastAgentCommunication', 'lastSendPolicyRequest', 'lastSendPolicySuccess', 'securityUpdates')
    ELSE key = 'moduleStatus' OR (key LIKE 'last%Scan') OR (parent = 'computerStatus' AND key = 'agentStatusMessages')
  END;

-- An object with something in it, which opens one more level.
CREATE OR REPLACE MACRO fk_is_object(value) AS coalesce(json_type(value) = 'OBJECT' AND value::VARCHAR <> '{}', false);

-- The entries of an object as {field: dot path, value: JSON}, but JSON nulls (missing) and volatile leaves.
CREATE OR REPLACE MACRO fk_open_object(parent, object) AS
  list_transform(
    list_filter(map_entries(CAST(object AS MAP(VARCHAR, JSON))),
      entry -> entry.value IS NOT NULL AND NOT fk_computer_volatile(parent, entry.key)),
    entry -> {'field': concat_ws('.', parent, entry.key), 'value': entry.value});

-- The entries with every object among them opened one level more.
CREATE OR REPLACE MACRO fk_open_deeper(entries) AS
  flatten(list_transform(entries,
    leaf -> CASE WHEN fk_is_object(leaf.value) THEN fk_open_object(leaf.field, leaf.value) ELSE [leaf] END));

-- A computer record's leaves as a map of dot path to text, read as policy leaves are (fk_policy_leaves): scalars by
-- their text, lists whole as JSON, empty objects as '{}'. It opens four levels (computerSettings.<name>.value is
-- three), a scalar function rather than json_tree so that a filter on one computer reads one computer; an object
-- deeper than that compares whole.
CREATE OR REPLACE MACRO fk_computer_leaves(record) AS
  map_from_entries(list_transform(
    fk_open_deeper(fk_open_deeper(fk_open_deeper(fk_open_object(NULL, record)))),
    leaf -> {'key': leaf.field, 'value': leaf.value ->> '$'}));

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
modified AS NOT MATERIALIZED (
  SELECT s.*, fk_computer_leaves(now.record) AS new_leaves, fk_computer_leaves(before.record) AS old_leaves
  FROM steps AS s
  JOIN fk_computer_facts AS now ON now.snapshot_id = s.snapshot_id AND now.computer_id = s.computer_id
  JOIN fk_computer_facts AS before ON before.snapshot_id = s.previous_snapshot_id AND before.computer_id = s.computer_id
  WHERE s.change_type = 'modified'
),
leaf_changes AS NOT MATERIALIZED (
  SELECT *, old_leaves[field] AS old_value, new_leaves[field] AS new_value
  FROM (
    SELECT *, unnest(list_filter(list_distinct(map_keys(new_leaves) || map_keys(old_leaves)),
      field -> new_leaves[field] IS DISTINCT FROM old_leaves[field])) AS field
    FROM modified
  )
)
SELECT computer_id, host_name, changed_at, previous_snapshot_at, change_type, NULL::VARCHAR AS field,
  NULL::VARCHAR AS old_value, NULL::VARCHAR AS new_value, snapshot_id, previous_snapshot_id, flow_name
FROM steps
WHERE change_type <> 'modified'
UNION ALL
SELECT computer_id, host_name, changed_at, previous_snapshot_at, change_type, field, old_value, new_value,
  snapshot_id, previous_snapshot_id, flow_name
FROM leaf_changes
WHERE NOT (schema_changed AND (old_value IS NULL OR new_value IS NULL));
