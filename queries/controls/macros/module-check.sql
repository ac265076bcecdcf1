-- How a protection module's state compares with the states a control accepts:
-- 'no_agent' (nothing to check), 'no_state' (the record lacks it), 'ok' (accepted) or 'not_ok'.
CREATE OR REPLACE TEMP MACRO fk_module_check(has_agent, state, accepted_states) AS
  CASE
    WHEN NOT coalesce(has_agent, false) THEN 'no_agent'
    WHEN state IS NULL THEN 'no_state'
    WHEN list_contains(accepted_states, lower(state)) THEN 'ok'
    ELSE 'not_ok'
  END;

-- A module check's control status.
CREATE OR REPLACE TEMP MACRO fk_module_status(reason_key) AS
  CASE reason_key WHEN 'no_agent' THEN 'skip' WHEN 'no_state' THEN 'error' WHEN 'ok' THEN 'ok' ELSE 'alarm' END;

-- A protection module control whole: every computer as of `as_of` (fk_control_subjects), checked on the state of
-- `module` (the prefix of its column: 'anti_malware' reads anti_malware_state) against the states it accepts, with
-- the state found as the reason's argument.
CREATE OR REPLACE TEMP MACRO fk_module_control(as_of, module, accepted_states) AS TABLE
WITH subjects AS (
  SELECT *, COLUMNS('^' || module || '_state$') AS state
  FROM fk_control_subjects(as_of)
),
checked AS (
  SELECT *, fk_module_check(has_agent, state, accepted_states) AS reason_key
  FROM subjects
)
SELECT
  fk_module_status(reason_key) AS status,
  reason_key,
  CASE WHEN state IS NULL THEN json_object() ELSE json_object('state', state) END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM checked;
