-- A text cell from CSV or all-string Parquet: JSON objects and arrays written as text become JSON again.
CREATE OR REPLACE MACRO fk_cell(v) AS
  CASE WHEN regexp_matches(v, '^\s*[\[{]') AND json_valid(v) THEN v::JSON ELSE to_json(v) END;
