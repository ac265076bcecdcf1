-- The ceiling for loading: DuckDB alone reading every JSON-lines file into one table of whole records.
CREATE OR REPLACE TABLE records AS
SELECT json AS record FROM read_json_objects($glob, format = 'newline_delimited');
