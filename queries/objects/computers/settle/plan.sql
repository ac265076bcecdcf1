-- Plans the settling of computer_changes (queries/model/45-computer-changes.sql): every computers run not settled
-- (fk_settle_pending), its steps against the run before it (a computer created, deleted, or whose stable digest
-- moved), and the steps cut into shares of about $bytes of records each, in time order (fk_settle_steps).
-- Comparing the leaves of many changed computers at once takes memory in proportion (a parsed 20 KB record takes
-- several times that), so a share of large records is small, and a run that changed fleet-wide is split over
-- several; small records share few statements. fk_settle_runs says in which share each run's kept rows are
-- cleared and in which it settles. Returns the number of shares, each then worked out by share.sql in a
-- transaction of its own; done.sql drops these tables afterwards.
CREATE OR REPLACE TEMP TABLE fk_settle_pending AS
SELECT * FROM fk_computer_change_runs WHERE NOT settled;

CREATE OR REPLACE TEMP TABLE fk_settle_steps AS
WITH pairs AS (
  SELECT * FROM fk_settle_pending WHERE previous_snapshot_id IS NOT NULL
),
now_seen AS (
  SELECT p.snapshot_id, f.computer_id, f.host_name, f.stable_digest
  FROM pairs AS p
  JOIN fk_computer_facts AS f USING (snapshot_id)
  WHERE f.computer_id IS NOT NULL
),
before_seen AS (
  SELECT p.snapshot_id, f.computer_id, f.host_name, f.stable_digest
  FROM pairs AS p
  JOIN fk_computer_facts AS f ON f.snapshot_id = p.previous_snapshot_id
  WHERE f.computer_id IS NOT NULL
),
-- What comparing one computer of a run costs: the average size of its records in their files (a step of the first
-- run compares two records, each about that size).
record_weights AS (
  SELECT r.snapshot_id, greatest(1, (sum(f.size) / greatest(1, any_value(r.row_count)))::BIGINT) AS record_bytes
  FROM fk_runs AS r
  JOIN fk_files AS f USING (snapshot_id)
  WHERE r.snapshot_id IN (SELECT snapshot_id FROM pairs)
  GROUP BY r.snapshot_id
),
steps AS (
  SELECT
    coalesce(n.computer_id, b.computer_id) AS computer_id,
    CASE WHEN n.computer_id IS NULL THEN b.host_name ELSE n.host_name END AS host_name,
    p.snapshot_at AS changed_at,
    p.previous_snapshot_at,
    CASE WHEN b.computer_id IS NULL THEN 'created' WHEN n.computer_id IS NULL THEN 'deleted' ELSE 'modified' END AS change_type,
    p.snapshot_id,
    p.previous_snapshot_id,
    p.flow_name,
    p.schema_changed
  FROM now_seen AS n
  FULL JOIN before_seen AS b ON b.snapshot_id = n.snapshot_id AND b.computer_id = n.computer_id
  JOIN pairs AS p ON p.snapshot_id = coalesce(n.snapshot_id, b.snapshot_id)
  WHERE n.computer_id IS NULL OR b.computer_id IS NULL OR n.stable_digest IS DISTINCT FROM b.stable_digest
)
SELECT s.*,
  ((sum(w.record_bytes) OVER (ORDER BY s.changed_at, s.snapshot_id, s.computer_id) - w.record_bytes)
    // greatest(1, $bytes::BIGINT))::BIGINT AS share
FROM steps AS s
JOIN record_weights AS w USING (snapshot_id);

-- The share in which each run's kept rows and pair are cleared (its first) and its new pair written (its last); a
-- run without steps (the first of its flow, or nothing changed) settles in the first share.
CREATE OR REPLACE TEMP TABLE fk_settle_runs AS
SELECT r.snapshot_id, r.previous_snapshot_id, r.previous_loaded_at,
  coalesce(min(s.share), 0) AS first_share, coalesce(max(s.share), 0) AS last_share
FROM fk_settle_pending AS r
LEFT JOIN fk_settle_steps AS s USING (snapshot_id)
GROUP BY ALL;

-- share.sql finds a run's records by written_at: a fact without one (which no fleetkit writes) would drop out of
-- the comparison unseen.
SELECT error('fk_computer_facts rows of ' || snapshot_id || ' have no written_at: derive the store again')
FROM fk_computer_facts
WHERE written_at IS NULL AND snapshot_id IN (
  SELECT snapshot_id FROM fk_settle_pending UNION ALL SELECT previous_snapshot_id FROM fk_settle_pending
)
LIMIT 1;

SELECT CASE WHEN EXISTS (SELECT 1 FROM fk_settle_pending) THEN coalesce((SELECT max(share) FROM fk_settle_steps), 0) + 1 ELSE 0 END AS shares;
