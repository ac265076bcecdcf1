-- Takes a run's catalog row out before it is written again; a row returned means the run is being replaced.
DELETE FROM fk_runs WHERE snapshot_id = $snapshot_id RETURNING object;
