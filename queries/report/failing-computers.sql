-- How many computers fail at least one control, and how many failures (alarm or error) there are (at one quarter end).
-- @param period VARCHAR current | previous
SELECT
  count(DISTINCT computer_id) FILTER (WHERE status IN ('alarm', 'error')) AS failing_computers,
  count(*) FILTER (WHERE status IN ('alarm', 'error')) AS exceptions
FROM fk_report_control_results
WHERE period = $period;
