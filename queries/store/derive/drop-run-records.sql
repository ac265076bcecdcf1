DROP TABLE IF EXISTS temp.fk_run_parsed;
DROP TABLE IF EXISTS temp.fk_run_records;
