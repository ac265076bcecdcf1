DELETE FROM fk_computer_facts WHERE snapshot_id = $snapshot_id;
