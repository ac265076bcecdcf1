-- Compares the days between the agent's last communication and the snapshot with the limit.
-- @severity high
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
-- @param max_days INTEGER default 7 The most days that may pass between the agent's last communication and the snapshot.
WITH checked AS (
  SELECT
    *,
    printf('%.1f', days_since_communication) AS days,
    CASE
      WHEN NOT coalesce(has_agent, false) THEN 'no_agent'
      WHEN days_since_communication IS NULL THEN 'never'
      WHEN days_since_communication <= $max_days THEN 'ok'
      ELSE 'silent'
    END AS reason_key
  FROM fk_control_subjects($as_of::TIMESTAMPTZ)
)
SELECT
  CASE reason_key WHEN 'no_agent' THEN 'skip' WHEN 'ok' THEN 'ok' ELSE 'alarm' END AS status,
  reason_key,
  CASE WHEN reason_key IN ('ok', 'silent') THEN json_object('days', days, 'max_days', $max_days::INTEGER::VARCHAR)
    ELSE json_object() END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM checked;
