-- Clears what the batch's runs derived as policies (before it is derived again).
DELETE FROM fk_policy_facts WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch);
DELETE FROM fk_policy_leaves WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch);
