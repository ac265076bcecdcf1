-- Control results at quarter end and the quarter's policy changes, as the evidence files hold them.
CREATE OR REPLACE TEMP VIEW fk_evidence_control_results AS
SELECT * EXCLUDE (period)
FROM fk_report_control_results
WHERE period = 'current'
ORDER BY control_id, computer_id;

CREATE OR REPLACE TEMP VIEW fk_evidence_policy_changes AS
SELECT * FROM fk_report_policy_changes ORDER BY changed_at, policy_id, field;
