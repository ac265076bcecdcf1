-- The temporary tables a settling leaves (each object's settle/plan.sql names its own fk_settle_*), dropped once it
-- is done: the steps of a whole store can be tens of MB, and a load goes on after its settling.
SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'fk_settle_');
