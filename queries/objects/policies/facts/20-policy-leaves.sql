-- Every leaf of each policy the run keeps as (dot path, text), its keys in their documented spelling (fk_leaves:
-- scalars by their text, lists whole as JSON, empty objects as '{}', JSON nulls left out).
INSERT INTO fk_policy_leaves
SELECT DISTINCT snapshot_id, id, leaf.field, leaf.value
FROM (
  SELECT s.snapshot_id, s.id, unnest(fk_leaves(coalesce(s.respelled, r.record))) AS leaf
  FROM fk_run_parsed AS s
  JOIN fk_records AS r ON r.rowid = s.record_rowid
  WHERE s.record_rowid NOT IN (SELECT record_rowid FROM fk_run_left_out)
);
