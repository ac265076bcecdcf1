-- Compares the module's state with the states this control accepts (fk_module_check).
-- @severity medium
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
WITH checked AS (
  SELECT *, log_inspection_state AS state, fk_module_check(has_agent, log_inspection_state, ['on']) AS reason_key
  FROM fk_control_subjects($as_of::TIMESTAMPTZ)
)
SELECT
  fk_module_status(reason_key) AS status,
  reason_key,
  CASE WHEN state IS NULL THEN json_object() ELSE json_object('state', state) END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM checked;
