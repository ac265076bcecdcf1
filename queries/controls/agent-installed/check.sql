-- A computer has an agent when its record's agent version is neither empty nor 0.0.0.0 (has_agent).
-- @severity critical
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
SELECT
  CASE
    WHEN agent_version IS NULL THEN 'error'
    WHEN has_agent THEN 'ok'
    ELSE 'alarm'
  END AS status,
  CASE WHEN agent_version IS NULL THEN 'no_version' WHEN has_agent THEN 'ok' ELSE 'no_agent' END AS reason_key,
  CASE WHEN has_agent THEN json_object('version', agent_version) ELSE json_object() END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM fk_control_subjects($as_of::TIMESTAMPTZ);
