-- Parameters a user would pass: a time a day after a run in the middle of the history, and a computer seen from the start.
WITH computer_runs AS (
  SELECT snapshot_id, snapshot_at, row_number() OVER (ORDER BY snapshot_at) AS n, count(*) OVER () AS total
  FROM fk_runs WHERE object = 'computers'
)
SELECT
  (SELECT strftime(snapshot_at + INTERVAL 1 DAY, '%Y-%m-%dT%H:%M:%SZ') FROM computer_runs WHERE n = total // 2 + 1) AS as_of,
  (SELECT min(computer_id) FROM fk_computer_facts
   WHERE snapshot_id = (SELECT snapshot_id FROM computer_runs WHERE n = 1)) AS computer_id;
