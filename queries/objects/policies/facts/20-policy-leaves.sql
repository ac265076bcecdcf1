-- Every leaf of each policy the run keeps as (dot path, text), its keys in their documented spelling: scalars by
-- their text (so 5 and "5" agree), lists whole as JSON (their elements are not leaves), empty objects as '{}'.
-- A JSON null is left out, the same as a missing field.
INSERT INTO fk_policy_leaves
SELECT DISTINCT
  $snapshot_id,
  r.id,
  substr(t.fullkey, 3),
  t.value ->> '$'
FROM (
  SELECT s.id, coalesce(s.respelled, r.record) AS record
  FROM fk_run_parsed AS s
  JOIN fk_records AS r ON r.rowid = s.record_rowid
  WHERE s.record_rowid NOT IN (SELECT record_rowid FROM fk_run_left_out)
) AS r, json_tree(r.record) AS t
WHERE t.fullkey <> '$'
  AND NOT contains(t.fullkey, '[')
  AND t.type <> 'NULL'
  AND (t.type <> 'OBJECT' OR t.value = '{}');
