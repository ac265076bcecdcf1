-- How many computers the fleet had at a time, and how many of them with an agent.
-- @param as_of TIMESTAMPTZ The time.
SELECT
  count(*) AS computers,
  count(*) FILTER (WHERE has_agent) AS with_agent,
  max(snapshot_at) AS snapshot_at
FROM fk_control_subjects($as_of::TIMESTAMPTZ);
