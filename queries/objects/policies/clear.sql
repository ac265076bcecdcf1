-- Clears what a run derived as policies (before it is derived again).
DELETE FROM fk_policy_facts WHERE snapshot_id = $snapshot_id;
DELETE FROM fk_policy_leaves WHERE snapshot_id = $snapshot_id;
