-- The checkpoint of a load that removed rows (events past the retention, the records of a reloaded run): row groups
-- are merged again, so that what was deleted leaves the file instead of staying behind deletion marks.
RESET max_vacuum_tasks;
CHECKPOINT;
