-- Clears what the batch's runs derived as computers (before it is derived again).
DELETE FROM fk_computer_facts WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch);
DELETE FROM fk_computer_changes WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch);
DELETE FROM fk_computer_change_pairs WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch);
