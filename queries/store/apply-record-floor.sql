-- A snapshot is no older than the newest communication its computers show inside the period its date folders name.
-- Runs loaded before fleetkit read that floor (an upgraded store) get it here, after their facts are derived again;
-- a later time is never lowered, so running this twice changes nothing.
UPDATE fk_runs AS r
SET snapshot_at = f.newest, time_source = 'records'
FROM (
  SELECT c.snapshot_id, max(c.t) AS newest
  FROM (
    SELECT snapshot_id, unnest([last_agent_communication, last_send_policy_success]) AS t
    FROM fk_computer_facts
  ) AS c
  JOIN fk_runs AS p ON p.snapshot_id = c.snapshot_id
  WHERE p.period_start IS NOT NULL AND c.t >= p.period_start AND c.t < p.period_end
  GROUP BY c.snapshot_id
) AS f
WHERE r.snapshot_id = f.snapshot_id AND f.newest > r.snapshot_at;
