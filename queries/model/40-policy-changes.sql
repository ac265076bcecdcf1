-- One row per changed leaf of a policy between consecutive runs of its flow (docs/data-model.md `policy_changes`), plus one
-- row per policy created or deleted. A run that was never loaded is simply not there: each run is compared with the
-- previous run of its flow that exists. The first run of a flow has nothing to compare with and yields no rows.
-- Between runs of different schemaVersion, a leaf that only one side has is a change of the export's field
-- mapping, not of the policy, and is not reported; a value that differs still is.
-- `<module>.moduleStatus.*` leaves are the console's status display (localized, and they change with the console's
-- language), not the policy's configuration: they are not reported.
CREATE OR REPLACE VIEW policy_changes AS
WITH runs AS (
  SELECT
    snapshot_id,
    flow_name,
    snapshot_at,
    lag(snapshot_id) OVER by_time AS previous_snapshot_id,
    lag(snapshot_at) OVER by_time AS previous_snapshot_at,
    schema_version IS DISTINCT FROM lag(schema_version) OVER by_time AS schema_changed
  FROM fk_runs
  WHERE object = 'policies'
  WINDOW by_time AS (PARTITION BY flow_name ORDER BY snapshot_at, snapshot_id)
),
pairs AS (
  SELECT * FROM runs WHERE previous_snapshot_id IS NOT NULL
),
policies AS (
  SELECT snapshot_id, policy_id, min(name) AS name
  FROM fk_policy_facts
  WHERE policy_id IS NOT NULL
  GROUP BY snapshot_id, policy_id
),
membership AS (
  SELECT
    coalesce(n.pair_id, o.pair_id) AS pair_id,
    coalesce(n.policy_id, o.policy_id) AS policy_id,
    coalesce(n.name, o.name) AS policy_name,
    CASE
      WHEN o.policy_id IS NULL THEN 'created'
      WHEN n.policy_id IS NULL THEN 'deleted'
      ELSE 'modified'
    END AS change_type
  FROM (
    SELECT p.snapshot_id AS pair_id, x.policy_id, x.name
    FROM pairs AS p JOIN policies AS x ON x.snapshot_id = p.snapshot_id
  ) AS n
  FULL JOIN (
    SELECT p.snapshot_id AS pair_id, x.policy_id, x.name
    FROM pairs AS p JOIN policies AS x ON x.snapshot_id = p.previous_snapshot_id
  ) AS o ON o.pair_id = n.pair_id AND o.policy_id = n.policy_id
),
leaf_changes AS (
  SELECT
    coalesce(n.pair_id, o.pair_id) AS pair_id,
    coalesce(n.policy_id, o.policy_id) AS policy_id,
    coalesce(n.field, o.field) AS field,
    o.value AS old_value,
    n.value AS new_value
  FROM (
    SELECT p.snapshot_id AS pair_id, p.schema_changed, l.policy_id, l.field, l.value
    FROM pairs AS p JOIN fk_policy_leaves AS l ON l.snapshot_id = p.snapshot_id
  ) AS n
  FULL JOIN (
    SELECT p.snapshot_id AS pair_id, p.schema_changed, l.policy_id, l.field, l.value
    FROM pairs AS p JOIN fk_policy_leaves AS l ON l.snapshot_id = p.previous_snapshot_id
  ) AS o ON o.pair_id = n.pair_id AND o.policy_id = n.policy_id AND o.field = n.field
  WHERE n.value IS DISTINCT FROM o.value
    AND NOT contains(coalesce(n.field, o.field), '.moduleStatus.')
    AND NOT (coalesce(n.schema_changed, o.schema_changed) AND (n.field IS NULL OR o.field IS NULL))
),
changes AS (
  SELECT m.pair_id, m.policy_id, m.policy_name, m.change_type, c.field, c.old_value, c.new_value
  FROM membership AS m
  JOIN leaf_changes AS c USING (pair_id, policy_id)
  WHERE m.change_type = 'modified'
  UNION ALL
  SELECT pair_id, policy_id, policy_name, change_type, NULL, NULL, NULL
  FROM membership
  WHERE change_type <> 'modified'
)
SELECT
  c.policy_id,
  c.policy_name,
  p.snapshot_at AS changed_at,
  p.previous_snapshot_at,
  c.change_type,
  c.field,
  c.old_value,
  c.new_value,
  p.snapshot_id,
  p.previous_snapshot_id,
  p.flow_name
FROM changes AS c
JOIN pairs AS p ON p.snapshot_id = c.pair_id;
