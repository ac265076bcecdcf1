DELETE FROM fk_policy_leaves WHERE snapshot_id = $snapshot_id;
