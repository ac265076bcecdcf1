-- A text cell from CSV or all-string Parquet, in a column that holds a nested object or list in the source:
-- JSON objects and arrays written as text become JSON again (src/store/record-expression.ts says which columns).
CREATE OR REPLACE MACRO fk_cell(v) AS
  CASE WHEN regexp_matches(v, '^\s*[\[{]') AND json_valid(v) THEN v::JSON ELSE to_json(v) END;

-- A JSON value's kind in the words JSON uses (json_type says UBIGINT, VARCHAR, …).
CREATE OR REPLACE MACRO fk_json_kind(v) AS
  CASE json_type(v) WHEN 'ARRAY' THEN 'array' WHEN 'OBJECT' THEN 'object' WHEN 'VARCHAR' THEN 'string'
    WHEN 'BOOLEAN' THEN 'boolean' WHEN 'NULL' THEN 'null' ELSE 'number' END;

-- A JSON value that must be a record; anything else fails its file (src/formats/locate-error.ts finds the line).
CREATE OR REPLACE MACRO fk_record_value(v) AS
  CASE WHEN json_type(v) = 'OBJECT' THEN v
    ELSE error('a JSON ' || fk_json_kind(v) || ' where a record (a JSON object) was expected') END;

-- The records of one value of a JSON-lines file: an object, or an array of objects (a page written on one line).
CREATE OR REPLACE MACRO fk_page_records(v) AS
  CASE WHEN json_type(v) = 'ARRAY' THEN list_transform(json_extract(v, '$[*]'), e -> fk_record_value(e))
    ELSE [fk_record_value(v)] END;

-- Key casing drifts between exports (`id`, `Hostname`): each object's stage (queries/objects/*/stage.sql) reads a
-- record that lacks a core field again with its keys respelled. `known_fields` are every object's `fields`
-- (queries/objects/*/object.json) in their documented spelling, `known_lower` the same in lower case, both bound
-- by the engine (so that no record lower-cases a constant list).

-- Whether a record spells a known field only otherwise than documented (where both are present, the documented
-- spelling is read).
CREATE OR REPLACE MACRO fk_keys_drift(record, known_fields, known_lower) AS
  len(list_intersect(json_keys(record), known_fields))
    < len(list_intersect(list_transform(json_keys(record), k -> lower(k)), known_lower));

-- The record with its known keys in their documented spelling: where the documented spelling is present, other
-- spellings of the key are dropped; of several other spellings, the first is kept.
CREATE OR REPLACE MACRO fk_respelled(record, known_fields, known_lower) AS to_json(map_from_entries(list_transform(
  list_filter(
    list_transform(map_entries(json_transform(record, '"MAP(VARCHAR, JSON)"')),
      e -> {'key': coalesce(known_fields[list_position(known_lower, lower(e.key))], e.key), 'spelled': e.key, 'value': e.value}),
    e -> e.key = e.spelled OR (NOT list_contains(json_keys(record), e.key)
      AND list_position(list_transform(json_keys(record), k -> lower(k)), lower(e.spelled)) = list_position(json_keys(record), e.spelled))),
  e -> {'key': e.key, 'value': e.value})));

-- An ID: an integer that fits BIGINT, given as a JSON number or as text; NULL otherwise (12.5, "abc", 2^64).
CREATE OR REPLACE MACRO fk_integer_id(v) AS
  CASE WHEN regexp_full_match(trim(v), '-?[0-9]+') THEN TRY_CAST(trim(v) AS BIGINT) END;

-- A time: milliseconds since the epoch (a number or numeric text; 0 means never), or ISO-8601 text (newer
-- schemaVersions), in UTC.
CREATE OR REPLACE MACRO fk_time(v) AS
  CASE WHEN TRY_CAST(v AS DOUBLE) IS NOT NULL
    THEN epoch_ms(CAST(nullif(TRY_CAST(v AS DOUBLE), 0) AS BIGINT)) AT TIME ZONE 'UTC'
    ELSE TRY_CAST(v AS TIMESTAMPTZ) END;

-- A JSON object with something in it, which opens one more level.
CREATE OR REPLACE MACRO fk_is_object(value) AS coalesce(json_type(value) = 'OBJECT' AND value::VARCHAR <> '{}', false);

-- The entries of a JSON object as {field: dot path under `parent`, value: JSON}, but JSON nulls (a null counts as
-- missing).
CREATE OR REPLACE MACRO fk_open_object(parent, object) AS
  list_transform(
    list_filter(map_entries(CAST(object AS MAP(VARCHAR, JSON))), entry -> entry.value IS NOT NULL),
    entry -> {'field': concat_ws('.', parent, entry.key), 'value': entry.value});

-- The entries with every object among them opened one level more.
CREATE OR REPLACE MACRO fk_open_deeper(entries) AS
  flatten(list_transform(entries,
    leaf -> CASE WHEN fk_is_object(leaf.value) THEN fk_open_object(leaf.field, leaf.value) ELSE [leaf] END));

-- The leaves of a record as {field: dot path, value: text}: scalars by their text (so 5 and "5" agree), lists whole
-- as JSON (their elements are not leaves), empty objects as '{}'; JSON nulls left out. Four levels are opened
-- (`policySettings.<name>.value` is three); an object deeper than that is one leaf, its JSON text. Scalar functions,
-- not json_tree, which copies every subtree of a large record and joins it back.
CREATE OR REPLACE MACRO fk_leaves(record) AS
  list_transform(
    fk_open_deeper(fk_open_deeper(fk_open_deeper(fk_open_object(NULL, record)))),
    leaf -> {'field': leaf.field, 'value': leaf.value ->> '$'});
