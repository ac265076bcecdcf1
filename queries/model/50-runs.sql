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
