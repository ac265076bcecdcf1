-- The change timeline of each computer (docs/data-model.md `computer_changes`): one row per changed leaf between a
-- computers run and the previous run of its flow, plus one row per computer created or deleted. It has the shape of
-- policy_changes, its leaves read as policy leaves are (fk_leaves). Volatile leaves (fk_computer_volatile) are left
-- out, so that a row is a real change. Only the computers whose record outside those leaves differs
-- (fk_computer_facts.stable_digest) are compared leaf by leaf.
--
-- Comparing leaves reads whole records, so each run's rows are worked out once, when a load settles
-- (queries/objects/computers/settle/), and kept in fk_computer_changes.

-- Leaves that change without anything changing, by dot path: times of communication, scans, policy sends and
-- updates; pattern and engine versions (outdated_updates tracks those); the console's status texts.
CREATE OR REPLACE MACRO fk_computer_volatile(field) AS
  field IN ('lastAgentCommunication', 'lastSendPolicyRequest', 'lastSendPolicySuccess', 'computerStatus.agentStatusMessages')
  OR field = 'securityUpdates' OR starts_with(field, 'securityUpdates.')
  OR contains('.' || field || '.', '.moduleStatus.')
  OR field LIKE '%.last%Scan';

-- Every computers run with the run before it in its flow (by snapshot time), and whether its kept rows were worked
-- out from that same pair, as loaded now.
CREATE OR REPLACE VIEW fk_computer_change_runs AS
WITH runs AS (
  SELECT
    snapshot_id,
    flow_name,
    snapshot_at,
    lag(snapshot_id) OVER by_time AS previous_snapshot_id,
    lag(snapshot_at) OVER by_time AS previous_snapshot_at,
    lag(loaded_at) OVER by_time AS previous_loaded_at,
    schema_version IS DISTINCT FROM lag(schema_version) OVER by_time AS schema_changed
  FROM fk_runs
  WHERE object = 'computers'
  WINDOW by_time AS (PARTITION BY flow_name ORDER BY snapshot_at, snapshot_id)
)
SELECT
  r.*,
  p.snapshot_id IS NOT NULL
    AND p.previous_snapshot_id IS NOT DISTINCT FROM r.previous_snapshot_id
    AND p.previous_loaded_at IS NOT DISTINCT FROM r.previous_loaded_at AS settled
FROM runs AS r
LEFT JOIN fk_computer_change_pairs AS p USING (snapshot_id);

-- The kept rows, or a refusal while runs are not settled: a load stopped between writing its runs and settling them,
-- and the next load settles them. Working them out here instead would read records on every query (a filter on one
-- computer reaches the records' scan and reads that computer's records of every run).
CREATE OR REPLACE VIEW computer_changes AS
SELECT computer_id, host_name, changed_at, previous_snapshot_at, change_type, field, old_value, new_value,
  snapshot_id, previous_snapshot_id, flow_name
FROM fk_computer_changes
WHERE (
  SELECT CASE WHEN count(*) = 0 THEN true ELSE error(format('computer_changes is not up to date: {} computers run(s) '
    || 'of this store were loaded but not compared with the run before them (a load stopped before it finished); '
    || 'run fleetkit load again', count(*))) END
  FROM fk_computer_change_runs
  WHERE NOT settled
);

-- A model installed (this file changed, or another) may work rows out differently: the next settling works every
-- run out anew.
DELETE FROM fk_computer_change_pairs;
