-- The quarter's policy changes as the report lists them (the `policy-changes` query's rows, kept for the evidence).
SELECT * FROM fk_evidence_policy_changes;
