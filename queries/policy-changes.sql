-- What changed in which policy between two times (settings, module states, any field), and which computers had it?
-- @param from TIMESTAMPTZ default NULL Earliest change to show (by the run that first saw it); the first when omitted.
-- @param to TIMESTAMPTZ default NULL Latest change to show (by the run that first saw it); the last when omitted.
-- @param flow VARCHAR default NULL The policies flow to read (snapshots.flow_name); when omitted, the primary flow: the one whose latest run at or before `to` is the newest.
-- @param computers_flow VARCHAR default NULL The computers flow the assigned computers are read from; when omitted, the primary computers flow at each change.
--
-- One row per changed leaf (see policy_changes in docs/data-model.md), plus one per policy created or deleted.
-- computers_assigned / assigned_host_names: the computers whose policy_id is the policy's, in the latest computers
-- run at or before changed_at (the newest run of any computers flow, which is the primary flow's; or of computers_flow).
WITH changes AS (
  SELECT *
  FROM policy_changes
  WHERE flow_name = chosen_flow('policies', coalesce(CAST($to AS TIMESTAMPTZ), CAST('infinity' AS TIMESTAMPTZ)), $flow)
    AND (CAST($from AS TIMESTAMPTZ) IS NULL OR changed_at >= CAST($from AS TIMESTAMPTZ))
    AND (CAST($to AS TIMESTAMPTZ) IS NULL OR changed_at <= CAST($to AS TIMESTAMPTZ))
),
assignments AS (
  SELECT DISTINCT c.changed_at, c.policy_id, r.snapshot_id
  FROM changes AS c
  JOIN fk_runs AS r ON r.object = 'computers' AND r.snapshot_at <= c.changed_at
    AND r.flow_name = coalesce(known_flow('computers', $computers_flow), r.flow_name)
  QUALIFY row_number() OVER (PARTITION BY c.changed_at, c.policy_id ORDER BY r.snapshot_at DESC, r.flow_name, r.snapshot_id DESC) = 1
),
assigned AS (
  SELECT
    a.changed_at,
    a.policy_id,
    count(*) AS computers_assigned,
    list_sort(list(s.host_name), 'ASC', 'NULLS LAST') AS assigned_host_names
  FROM assignments AS a
  JOIN computer_snapshots AS s ON s.snapshot_id = a.snapshot_id AND s.policy_id = a.policy_id
  GROUP BY a.changed_at, a.policy_id
)
SELECT
  ch.changed_at,
  ch.previous_snapshot_at,
  ch.policy_id,
  ch.policy_name,
  ch.change_type,
  ch.field,
  ch.old_value,
  ch.new_value,
  coalesce(a.computers_assigned, 0) AS computers_assigned,
  coalesce(a.assigned_host_names, []) AS assigned_host_names,
  ch.snapshot_id,
  ch.previous_snapshot_id,
  ch.flow_name
FROM changes AS ch
LEFT JOIN assigned AS a ON a.changed_at = ch.changed_at AND a.policy_id = ch.policy_id
ORDER BY ch.changed_at, ch.policy_id, ch.change_type, ch.field;
