-- Objects that more than one flow holds (after object detection), each with its flows and the flow figures read by
-- default (the primary flow: the one whose latest run is the newest).
SELECT
  s.object,
  list(DISTINCT s.flow_name ORDER BY s.flow_name) AS flows,
  primary_flow(s.object, CAST('infinity' AS TIMESTAMPTZ)) AS primary_flow
FROM fk_runs AS s
GROUP BY s.object
HAVING count(DISTINCT s.flow_name) > 1
ORDER BY s.object;
