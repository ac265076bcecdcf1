-- The combined structure of the records in a list of JSON-lines files ($sources), as JSON text for json_transform: strings stay
-- strings (no UUID or date guessing), integers are BIGINT, and values that are always null become VARCHAR.
SELECT replace(replace(json_group_structure(json)::VARCHAR, '"NULL"', '"VARCHAR"'), '"UBIGINT"', '"BIGINT"') AS structure
FROM read_json_objects($sources, format = 'newline_delimited');
