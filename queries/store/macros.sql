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

-- A record with its top-level keys in their documented spelling (`known_fields`, every object's `fields` in
-- queries/objects/*/object.json), when it spells one of them only otherwise (`id`, `Hostname`); NULL when its keys
-- need no respelling. Where two keys spell one field, the documented spelling is kept. Key casing drifts between
-- exports; the per-run model respells the records that lack a core field (queries/objects/*/stage.sql).
CREATE OR REPLACE MACRO fk_respelled(record, known_fields) AS (
  SELECT CASE WHEN count(*) FILTER (WHERE known) > count(*) FILTER (WHERE known AND spelled_as_documented)
    THEN to_json(map_from_entries(list({'key': documented, 'value': value}))) END
  FROM (
    SELECT documented, bool_or(field IS NOT NULL) AS known, bool_or(key = documented) AS spelled_as_documented,
      arg_max(value, key = documented) AS value
    FROM (
      SELECT entry.key AS key, entry.value AS value, f.field, coalesce(f.field, entry.key) AS documented
      FROM unnest(map_entries(json_transform(record, '"MAP(VARCHAR, JSON)"'))) AS t(entry)
      LEFT JOIN unnest(known_fields) AS f(field) ON lower(entry.key) = lower(f.field)
    )
    GROUP BY documented
  )
);

-- An ID: an integer that fits BIGINT, given as a JSON number or as text; NULL otherwise (12.5, "abc", 2^64).
CREATE OR REPLACE MACRO fk_integer_id(v) AS
  CASE WHEN regexp_full_match(trim(v), '-?[0-9]+') THEN TRY_CAST(trim(v) AS BIGINT) END;

-- A time: milliseconds since the epoch (a number or numeric text; 0 means never), or ISO-8601 text (newer
-- schemaVersions), in UTC.
CREATE OR REPLACE MACRO fk_time(v) AS
  CASE WHEN TRY_CAST(v AS DOUBLE) IS NOT NULL
    THEN epoch_ms(CAST(nullif(TRY_CAST(v AS DOUBLE), 0) AS BIGINT)) AT TIME ZONE 'UTC'
    ELSE TRY_CAST(v AS TIMESTAMPTZ) END;
