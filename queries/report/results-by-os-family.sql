-- Control results counted by status, one row per control and os family (at one quarter end).
-- @param period VARCHAR current | previous
SELECT
  control_id,
  os_family,
  count(*) FILTER (WHERE status = 'ok') AS ok,
  count(*) FILTER (WHERE status = 'alarm') AS alarm,
  count(*) FILTER (WHERE status = 'skip') AS skip,
  count(*) FILTER (WHERE status = 'info') AS info,
  count(*) FILTER (WHERE status = 'error') AS error,
  count(*) AS total
FROM fk_report_control_results
WHERE period = $period
GROUP BY control_id, os_family
ORDER BY control_id, os_family;
