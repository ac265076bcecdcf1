-- Works out share $share of the settling plan.sql made. The runs whose first share it is lose their kept rows and
-- their pair, so that a settling stopped part-way leaves them unsettled; the rows of its steps are kept; the runs
-- whose last share it is get their pair, which settles them.
DELETE FROM fk_computer_changes WHERE snapshot_id IN (SELECT snapshot_id FROM fk_settle_runs WHERE first_share = $share);

DELETE FROM fk_computer_change_pairs WHERE snapshot_id IN (SELECT snapshot_id FROM fk_settle_runs WHERE first_share = $share);

INSERT INTO fk_computer_changes
WITH steps AS MATERIALIZED (
  SELECT * FROM fk_settle_steps WHERE share = $share
),
-- The two sides of each modified computer, found by one join on (run, computer) whose hash table holds these keys
-- only, the records streaming past it; the scan skips the records of other batches by written_at (the runs' IDs sit
-- in no order). A join on the computer alone built a hash table of records and ran out of 512MB.
side_keys AS MATERIALIZED (
  SELECT computer_id, snapshot_id AS side_id, snapshot_id, true AS is_new FROM steps WHERE change_type = 'modified'
  UNION ALL
  SELECT computer_id, previous_snapshot_id, snapshot_id, false FROM steps WHERE change_type = 'modified'
),
side_times AS MATERIALIZED (
  SELECT min(written_at) AS first, max(written_at) AS last
  FROM fk_computer_facts
  WHERE snapshot_id IN (SELECT side_id FROM side_keys)
),
sides AS (
  SELECT k.computer_id, k.snapshot_id, k.is_new, f.record
  FROM fk_computer_facts AS f
  JOIN side_keys AS k ON k.side_id = f.snapshot_id AND k.computer_id = f.computer_id
  WHERE f.written_at BETWEEN (SELECT first FROM side_times) AND (SELECT last FROM side_times)
),
-- Leaves are compared only where the two sides differ, found by hashes two levels down: the top-level fields whose
-- value differs (absent on one side included), and inside a field that is an object on both sides (computerSettings,
-- a module) only its entries that differ. Each side's differing parts are put back together at their paths as a
-- smaller record. Opening every leaf of a 20 KB record costs milliseconds; a change touches a few.
top_fields AS MATERIALIZED (
  SELECT computer_id, snapshot_id, is_new, entry.key AS field, entry.value, hash(entry.value::VARCHAR) AS value_hash,
    json_type(entry.value) = 'OBJECT' AS is_object
  FROM (
    SELECT computer_id, snapshot_id, is_new, unnest(map_entries(json_transform(record, '"MAP(VARCHAR, JSON)"'))) AS entry
    FROM sides
  )
),
changed_fields AS MATERIALIZED (
  SELECT computer_id, snapshot_id, field,
    count(*) FILTER (WHERE is_new) = 1 AND count(*) FILTER (WHERE NOT is_new) = 1 AND bool_and(is_object) AS deeper
  FROM top_fields
  GROUP BY ALL
  -- Sorted lists, not one hash per side: a record may repeat a key.
  HAVING list_sort(list(value_hash) FILTER (WHERE NOT is_new)) IS DISTINCT FROM list_sort(list(value_hash) FILTER (WHERE is_new))
),
changed_values AS MATERIALIZED (
  SELECT t.computer_id, t.snapshot_id, t.is_new, t.field, t.value, c.deeper
  FROM top_fields AS t
  JOIN changed_fields AS c USING (computer_id, snapshot_id, field)
),
children AS MATERIALIZED (
  SELECT computer_id, snapshot_id, is_new, field, entry.key AS child, entry.value, hash(entry.value::VARCHAR) AS value_hash
  FROM (
    SELECT computer_id, snapshot_id, is_new, field, unnest(map_entries(json_transform(value, '"MAP(VARCHAR, JSON)"'))) AS entry
    FROM changed_values
    WHERE deeper
  )
),
changed_children AS (
  SELECT computer_id, snapshot_id, field, child
  FROM children
  GROUP BY ALL
  HAVING list_sort(list(value_hash) FILTER (WHERE NOT is_new)) IS DISTINCT FROM list_sort(list(value_hash) FILTER (WHERE is_new))
),
-- `"field":value` pieces of each side: a whole field, the differing entries of an object field, or `{}` for an empty
-- object (a leaf of its own). An object field none of whose differing entries this side has is left out: `{}` in
-- its place would be a leaf the record does not have.
pieces AS (
  SELECT computer_id, snapshot_id, is_new, to_json(field)::VARCHAR || ':' || value::VARCHAR AS piece
  FROM changed_values
  WHERE NOT deeper OR json_keys(value) = []
  UNION ALL
  SELECT ch.computer_id, ch.snapshot_id, ch.is_new,
    to_json(ch.field)::VARCHAR || ':{' || string_agg(to_json(ch.child)::VARCHAR || ':' || ch.value::VARCHAR, ',') || '}'
  FROM children AS ch
  SEMI JOIN changed_children AS c
    ON c.computer_id = ch.computer_id AND c.snapshot_id = ch.snapshot_id AND c.field = ch.field AND c.child = ch.child
  GROUP BY ch.computer_id, ch.snapshot_id, ch.is_new, ch.field
),
changed_parts AS (
  SELECT computer_id, snapshot_id, is_new, ('{' || string_agg(piece, ',') || '}')::JSON AS part
  FROM pieces
  GROUP BY ALL
),
leaves AS (
  SELECT computer_id, snapshot_id, is_new, unnest(fk_leaves(part)) AS leaf
  FROM changed_parts
),
leaf_changes AS (
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

INSERT INTO fk_computer_change_pairs
SELECT snapshot_id, previous_snapshot_id, previous_loaded_at FROM fk_settle_runs WHERE last_share = $share;
