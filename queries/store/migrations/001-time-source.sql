-- Runs loaded before fleetkit recorded where a snapshot time came from: the time matches the files' LastModified
-- or the period start of the key's date folders; anything else is marked as not recorded.
UPDATE fk_runs
SET time_source = CASE
    WHEN snapshot_at = last_modified THEN 'last_modified'
    WHEN snapshot_at = period_start THEN 'partition'
    ELSE 'unrecorded'
  END
WHERE time_source IS NULL;
