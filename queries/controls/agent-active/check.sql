-- Reads the agent status of each computer that has an agent.
-- @severity high
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
WITH checked AS (
  SELECT
    *,
    CASE
      WHEN NOT coalesce(has_agent, false) THEN 'no_agent'
      WHEN agent_status IS NULL THEN 'no_status'
      WHEN lower(agent_status) = 'active' THEN 'ok'
      ELSE 'not_active'
    END AS reason_key
  FROM fk_control_subjects($as_of::TIMESTAMPTZ)
)
SELECT
  CASE reason_key WHEN 'no_agent' THEN 'skip' WHEN 'no_status' THEN 'error' WHEN 'ok' THEN 'ok' ELSE 'alarm' END
    AS status,
  reason_key,
  CASE reason_key WHEN 'not_active' THEN json_object('status', agent_status) ELSE json_object() END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM checked;
