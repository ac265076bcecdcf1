-- Every computer failing a control at quarter end (alarm or error), most severe first.
SELECT
  severity, control_id, status, resource, computer_id, host_name, os_family, policy_id, policy_name,
  cloud_account_id, reason, reason_key, reason_args
FROM fk_report_control_results
WHERE period = 'current' AND status IN ('alarm', 'error')
ORDER BY
  list_position(['critical', 'high', 'medium', 'low'], severity), control_id, host_name, computer_id;
