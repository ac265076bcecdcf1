-- The newest lastAgentCommunication or lastSendPolicySuccess among each run's computers inside the period its date
-- folders name (fk_batch): a snapshot is no older than that (src/source/snapshot-time.ts). Times outside the
-- period are left out: a clock that is wrong must not move the snapshot out of its folder.
SELECT snapshot_id, max(t) AS newest
FROM (
  SELECT f.snapshot_id, b.period_start, b.period_end, unnest([f.last_agent_communication, f.last_send_policy_success]) AS t
  FROM fk_computer_facts AS f
  JOIN fk_batch AS b USING (snapshot_id)
  WHERE b.period_start IS NOT NULL
)
WHERE t >= period_start AND t < period_end
GROUP BY snapshot_id;
