SELECT snapshot_id, row_count FROM fk_runs ORDER BY snapshot_at;
