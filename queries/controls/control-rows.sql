-- One control's result rows: what its check.sql returns, under the control's id, with the English reason from its
-- texts.json. The engine writes the control's id as SQL text where the id placeholder stands (an id is lower-case
-- letters, digits and dashes, checked when the catalog is read) and its check.sql in FROM; parameters stay bound.
SELECT
  {{control_id}} AS control_id,
  fk_control_status({{control_id}}, c.status) AS status,
  fk_control_reason({{control_id}}, c.reason_key, c.reason_args) AS reason,
  c.reason_key,
  c.reason_args,
  c.resource,
  c.computer_id,
  c.host_name,
  c.policy_id,
  c.policy_name,
  c.os_family,
  c.cloud_account_id,
  c.snapshot_id,
  c.snapshot_at
FROM (
{{check}}
) AS c
