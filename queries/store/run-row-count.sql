SELECT row_count FROM fk_runs WHERE snapshot_id = $snapshot_id;
