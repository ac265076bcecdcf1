-- Each computer as the latest run at or before `ts` of one computers flow saw it: `flow`, or the primary flow when
-- NULL (see 50-runs.sql).
CREATE OR REPLACE MACRO computers_as_of(ts, flow := NULL) AS TABLE
SELECT *
FROM computer_snapshots
WHERE snapshot_id IN (SELECT snapshot_id FROM runs_as_of('computers', ts, flow := flow));

-- Each policy as the latest run at or before `ts` of one policies flow saw it: `flow`, or the primary flow when NULL.
CREATE OR REPLACE MACRO policies_as_of(ts, flow := NULL) AS TABLE
SELECT *
FROM policy_snapshots
WHERE snapshot_id IN (SELECT snapshot_id FROM runs_as_of('policies', ts, flow := flow));

-- Each computer as the latest run of every computers flow at or before `ts` saw it: the flows side by side (flow_name).
CREATE OR REPLACE MACRO computers_as_of_each_flow(ts) AS TABLE
SELECT *
FROM computer_snapshots
WHERE snapshot_id IN (SELECT snapshot_id FROM runs_as_of_each_flow('computers', ts));

-- Each policy as the latest run of every policies flow at or before `ts` saw it: the flows side by side (flow_name).
CREATE OR REPLACE MACRO policies_as_of_each_flow(ts) AS TABLE
SELECT *
FROM policy_snapshots
WHERE snapshot_id IN (SELECT snapshot_id FROM runs_as_of_each_flow('policies', ts));
