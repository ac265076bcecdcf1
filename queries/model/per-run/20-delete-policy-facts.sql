DELETE FROM fk_policy_facts WHERE snapshot_id = $snapshot_id;
