DROP TABLE IF EXISTS fk_run_parsed;
DROP TABLE IF EXISTS fk_run_left_out;
