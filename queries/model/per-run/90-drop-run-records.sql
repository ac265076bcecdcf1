DROP TABLE IF EXISTS temp.fk_run_records;
