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
