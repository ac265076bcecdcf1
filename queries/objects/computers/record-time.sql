-- The newest lastAgentCommunication or lastSendPolicySuccess among a run's computers inside the period its date
-- folders name: a snapshot is no older than that (src/source/snapshot-time.ts). Times outside the period are
-- left out: a clock that is wrong must not move the snapshot out of its folder.
SELECT max(t) AS newest
FROM (
  SELECT unnest([last_agent_communication, last_send_policy_success]) AS t
  FROM fk_computer_facts
  WHERE snapshot_id = $snapshot_id
)
WHERE t >= $period_start::TIMESTAMPTZ AND t < $period_end::TIMESTAMPTZ;
