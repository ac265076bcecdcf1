-- A value as a CSV cell a spreadsheet will not run: text that begins with = + - @ (or a tab or carriage return)
-- and is not a plain number gets a leading single quote, so that it is read as text, never as a formula.
CREATE OR REPLACE TEMP MACRO fk_csv_cell(v) AS
  CASE
    WHEN left(v::VARCHAR, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) AND TRY_CAST(v::VARCHAR AS DOUBLE) IS NULL
      THEN '''' || v::VARCHAR
    ELSE v::VARCHAR
  END;
