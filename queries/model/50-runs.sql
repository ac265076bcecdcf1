-- Which flow figures read. Two flows can hold the same object (a re-created flow, a second tenant, a test flow), and
-- their runs must never be added together: every macro below reads ONE flow of the object, the one named or, when
-- none is, the primary flow: the flow whose latest run at or before the time is the newest (ties: the first name).
-- The `*_each_flow` macros give every flow side by side, each row with its flow_name.

-- The primary flow of one object at `ts`: the flow of the newest run at or before `ts` (ties: the first flow name).
-- Columns are qualified so that an argument naming a column of the caller (`primary_flow(s.object, ...)`) stays the
-- caller's.
CREATE OR REPLACE MACRO primary_flow(object_name, ts) AS (
  SELECT primary_run.flow_name
  FROM fk_runs AS primary_run
  WHERE primary_run.object = object_name AND primary_run.snapshot_at <= CAST(ts AS TIMESTAMPTZ)
  ORDER BY primary_run.snapshot_at DESC, primary_run.flow_name
  LIMIT 1
);

-- `flow` as given, NULL when NULL; an error naming the object's flows when no run of the object has that flow.
CREATE OR REPLACE MACRO known_flow(object_name, flow) AS (
  CASE
    WHEN CAST(flow AS VARCHAR) IS NULL THEN NULL
    WHEN CAST(flow AS VARCHAR) IN (SELECT known.flow_name FROM fk_runs AS known WHERE known.object = object_name)
      THEN CAST(flow AS VARCHAR)
    ELSE error(printf('no %s flow is named "%s" (its flows: %s)', object_name, flow, (
      SELECT coalesce(string_agg(DISTINCT known.flow_name, ', ' ORDER BY known.flow_name), 'none')
      FROM fk_runs AS known
      WHERE known.object = object_name)))
  END
);

-- The flow to read at `ts`: `flow` when given (see known_flow), else the primary flow.
CREATE OR REPLACE MACRO chosen_flow(object_name, ts, flow) AS (
  coalesce(known_flow(object_name, flow), primary_flow(object_name, ts))
);

-- The run of each flow of one object (e.g. 'computers') that was the latest of its flow at or before `ts`.
CREATE OR REPLACE MACRO runs_as_of_each_flow(object_name, ts) AS TABLE
SELECT snapshot_id, flow_name, snapshot_at
FROM fk_runs
WHERE object = object_name AND snapshot_at <= CAST(ts AS TIMESTAMPTZ)
QUALIFY row_number() OVER (PARTITION BY flow_name ORDER BY snapshot_at DESC, snapshot_id DESC) = 1;

-- The run of one object in force at `ts`: the latest run at or before `ts` of `flow` (the primary flow when NULL).
CREATE OR REPLACE MACRO runs_as_of(object_name, ts, flow := NULL) AS TABLE
SELECT snapshot_id, flow_name, snapshot_at
FROM runs_as_of_each_flow(object_name, ts)
WHERE flow_name = chosen_flow(object_name, ts, flow);

-- The last run of each flow of one object in each UTC month: one row per flow and month that has a run.
CREATE OR REPLACE MACRO last_runs_by_month_each_flow(object_name) AS TABLE
SELECT CAST(date_trunc('month', snapshot_at AT TIME ZONE 'UTC') AS DATE) AS month, snapshot_id, flow_name, snapshot_at
FROM fk_runs
WHERE object = object_name
QUALIFY row_number() OVER (PARTITION BY flow_name, month ORDER BY snapshot_at DESC, snapshot_id DESC) = 1;

-- The last run of one flow of one object in each UTC month, from the month holding `from_date` to the one holding
-- `to_date` (a NULL bound is no bound): the runs the monthly named queries read. The flow is `flow`, or the primary
-- flow at the end of the last month shown, so that every month reads the same flow.
CREATE OR REPLACE MACRO last_runs_in_months(object_name, from_date, to_date, flow := NULL) AS TABLE
SELECT month, snapshot_id, flow_name, snapshot_at
FROM last_runs_by_month_each_flow(object_name)
WHERE flow_name = chosen_flow(
    object_name,
    CASE
      WHEN CAST(to_date AS DATE) IS NULL THEN CAST('infinity' AS TIMESTAMPTZ)
      ELSE (date_trunc('month', CAST(to_date AS DATE)) + INTERVAL 1 MONTH - INTERVAL 1 MICROSECOND) AT TIME ZONE 'UTC'
    END,
    flow)
  AND (CAST(from_date AS DATE) IS NULL OR month >= date_trunc('month', CAST(from_date AS DATE)))
  AND (CAST(to_date AS DATE) IS NULL OR month <= CAST(to_date AS DATE));

-- The last run of one flow of one object in each UTC month (the primary flow when `flow` is NULL): every month.
CREATE OR REPLACE MACRO last_runs_by_month(object_name, flow := NULL) AS TABLE
SELECT month, snapshot_id, flow_name, snapshot_at
FROM last_runs_in_months(object_name, NULL, NULL, flow := flow);
