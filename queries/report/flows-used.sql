-- Per object, the flow the report's figures read at the quarter end (the primary flow) and the other flows that hold
-- the same object by then, which no figure counts. Objects held by one flow only are left out.
-- @param as_of TIMESTAMPTZ The quarter end.
WITH flows AS (
  SELECT DISTINCT s.object, s.flow_name, primary_flow(s.object, $as_of::TIMESTAMPTZ) AS flow_used
  FROM fk_runs AS s
  WHERE s.object IN ('computers', 'policies') AND s.snapshot_at <= $as_of::TIMESTAMPTZ
)
SELECT
  object,
  any_value(flow_used) AS flow_used,
  list(flow_name ORDER BY flow_name) FILTER (WHERE flow_name <> flow_used) AS other_flows
FROM flows
GROUP BY object
HAVING count(*) > 1
ORDER BY object;
