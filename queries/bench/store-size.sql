SELECT
  (SELECT count(*) FROM fk_runs WHERE object = 'computers') AS computer_runs,
  (SELECT count(*) FROM fk_computer_facts) AS computer_rows,
  (SELECT count(*) FROM fk_policy_facts) AS policy_rows;
