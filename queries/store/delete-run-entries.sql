-- Takes the catalog rows of runs out before they are written again; the runs returned are being replaced.
DELETE FROM fk_runs WHERE snapshot_id IN (SELECT unnest($snapshot_ids::VARCHAR[])) RETURNING snapshot_id;
