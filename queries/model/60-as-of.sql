-- Each computer as the latest computers run at or before `ts` saw it (the latest run of each computers flow).
CREATE OR REPLACE MACRO computers_as_of(ts) AS TABLE
SELECT *
FROM computer_snapshots
WHERE snapshot_id IN (SELECT snapshot_id FROM runs_as_of('computers', ts));

-- Each policy as the latest policies run at or before `ts` saw it (the latest run of each policies flow).
CREATE OR REPLACE MACRO policies_as_of(ts) AS TABLE
SELECT *
FROM policy_snapshots
WHERE snapshot_id IN (SELECT snapshot_id FROM runs_as_of('policies', ts));
