-- Drops what plan.sql made once every share is worked out: the steps of a whole store can be tens of MB, and a load
-- goes on after its settling.
DROP TABLE IF EXISTS fk_settle_pending;

DROP TABLE IF EXISTS fk_settle_steps;

DROP TABLE IF EXISTS fk_settle_runs;
