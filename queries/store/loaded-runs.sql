SELECT snapshot_id, signature, row_count FROM fk_runs;
