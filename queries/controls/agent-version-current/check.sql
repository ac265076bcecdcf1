-- Releases are the distinct agent versions installed, compared number by number; "behind" counts the releases
-- newer than a computer's.
-- @severity low
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
-- @param max_behind INTEGER default 2 How many releases an agent may trail the newest version in use.
WITH subjects AS (
  SELECT *, agent_version_key AS parts, coalesce(list_count(agent_version_key) = len(agent_version_key), false) AS comparable
  FROM fk_control_subjects($as_of::TIMESTAMPTZ)
),
releases AS (
  SELECT parts, dense_rank() OVER (ORDER BY parts DESC) - 1 AS behind
  FROM (SELECT DISTINCT parts FROM subjects WHERE coalesce(has_agent, false) AND comparable)
),
newest AS (
  SELECT max(trim(agent_version)) AS newest_version
  FROM subjects
  WHERE coalesce(has_agent, false) AND comparable AND parts = (SELECT max(parts) FROM releases)
),
checked AS (
  SELECT
    s.*,
    r.behind,
    n.newest_version,
    CASE
      WHEN NOT coalesce(s.has_agent, false) THEN 'no_agent'
      WHEN NOT s.comparable THEN 'not_comparable'
      WHEN r.behind = 0 THEN 'newest'
      WHEN r.behind <= $max_behind THEN 'ok'
      ELSE 'behind'
    END AS reason_key
  FROM subjects AS s
  LEFT JOIN releases AS r ON r.parts = s.parts AND s.comparable
  CROSS JOIN newest AS n
)
SELECT
  CASE reason_key
    WHEN 'no_agent' THEN 'skip' WHEN 'not_comparable' THEN 'error' WHEN 'behind' THEN 'alarm' ELSE 'ok'
  END AS status,
  reason_key,
  CASE reason_key
    WHEN 'no_agent' THEN json_object()
    WHEN 'not_comparable' THEN json_object('version', agent_version)
    WHEN 'newest' THEN json_object('version', agent_version)
    ELSE json_object('version', agent_version, 'behind', behind::VARCHAR, 'newest', newest_version,
      'max_behind', $max_behind::INTEGER::VARCHAR)
  END AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM checked;
