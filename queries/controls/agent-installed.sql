-- An agent is installed and activated on the computer.
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
SELECT
  'agent-installed' AS control_id,
  CASE
    WHEN agent_version IS NULL THEN 'error'
    WHEN has_agent THEN 'ok'
    ELSE 'alarm'
  END AS status,
  CASE
    WHEN agent_version IS NULL THEN 'The record has no agent version, so the agent cannot be checked.'
    WHEN has_agent THEN printf('Agent %s is installed.', agent_version)
    ELSE 'No agent is installed or activated on this computer.'
  END AS reason,
  CASE WHEN agent_version IS NULL THEN 'no_version' WHEN has_agent THEN 'ok' ELSE 'no_agent' END AS reason_key,
  CASE WHEN has_agent THEN json_object('version', agent_version) ELSE json_object() END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM fk_control_subjects($as_of::TIMESTAMPTZ);
