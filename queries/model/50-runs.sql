-- The runs of one object (e.g. 'computers') that were the latest of their flow at or before `ts`.
CREATE OR REPLACE MACRO runs_as_of(object_name, ts) AS TABLE
SELECT snapshot_id, flow_name, snapshot_at
FROM fk_runs
WHERE object = object_name AND snapshot_at <= CAST(ts AS TIMESTAMPTZ)
QUALIFY row_number() OVER (PARTITION BY flow_name ORDER BY snapshot_at DESC, snapshot_id DESC) = 1;

-- The last run of one object in each UTC month: one row per month that has a run.
CREATE OR REPLACE MACRO last_runs_by_month(object_name) AS TABLE
SELECT CAST(date_trunc('month', snapshot_at AT TIME ZONE 'UTC') AS DATE) AS month, snapshot_id, flow_name, snapshot_at
FROM fk_runs
WHERE object = object_name
QUALIFY row_number() OVER (PARTITION BY month ORDER BY snapshot_at DESC, snapshot_id DESC) = 1;

-- The last run of one object in each UTC month, from the month holding `from_date` to the one holding `to_date`
-- (a NULL bound is no bound): the runs the monthly named queries read.
CREATE OR REPLACE MACRO last_runs_in_months(object_name, from_date, to_date) AS TABLE
SELECT month, snapshot_id, flow_name, snapshot_at
FROM last_runs_by_month(object_name)
WHERE (CAST(from_date AS DATE) IS NULL OR month >= date_trunc('month', CAST(from_date AS DATE)))
  AND (CAST(to_date AS DATE) IS NULL OR month <= CAST(to_date AS DATE));
