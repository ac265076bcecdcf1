-- Every leaf of each policy record as (dot path, text): scalars by their text (so 5 and "5" agree), lists whole as
-- JSON (their elements are not leaves), empty objects as '{}'. A JSON null is left out, the same as a missing field.
INSERT INTO fk_policy_leaves
SELECT DISTINCT
  $snapshot_id,
  r.policy_id,
  substr(t.fullkey, 3),
  t.value ->> '$'
FROM (
  SELECT TRY_CAST(record ->> '$.ID' AS BIGINT) AS policy_id, record
  FROM fk_records
  WHERE snapshot_id = $snapshot_id AND object = 'policies'
) AS r, json_tree(r.record) AS t
WHERE r.policy_id IS NOT NULL
  AND t.fullkey <> '$'
  AND NOT contains(t.fullkey, '[')
  AND t.type <> 'NULL'
  AND (t.type <> 'OBJECT' OR t.value = '{}');
