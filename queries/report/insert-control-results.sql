-- Keeps one control's results at a quarter end for the computers in the baseline's scope, with the baseline's
-- severity. The placeholder in FROM is the control's query (queries/controls/<id>.sql); its parameters stay bound.
-- @param period VARCHAR current | previous (quarter end).
-- @param severity VARCHAR The baseline's severity for the control.
-- @param scope VARCHAR JSON {"os_family": [..], "policy_ids": [..], "policy_names": [..]}; an empty list does not narrow.
INSERT INTO fk_report_control_results BY NAME
SELECT $period AS period, $severity AS severity, r.*
FROM (
{{control}}
) AS r
CROSS JOIN (
  SELECT
    json_extract_string($scope, '$.os_family[*]') AS os_families,
    list_transform(json_extract_string($scope, '$.policy_ids[*]'), id -> id::BIGINT) AS policy_ids,
    json_extract_string($scope, '$.policy_names[*]') AS policy_names
) AS s
WHERE (len(s.os_families) = 0 OR list_contains(s.os_families, r.os_family))
  AND (
    (len(s.policy_ids) = 0 AND len(s.policy_names) = 0)
    OR list_contains(s.policy_ids, r.policy_id)
    OR list_contains(s.policy_names, r.policy_name)
  );
