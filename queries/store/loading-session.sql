-- While loading, committed runs stay in the write-ahead log (durable) instead of a checkpoint after every run, which
-- rewrites ever more of a growing store; the loader checkpoints once at the end (store/checkpoint.sql).
SET checkpoint_threshold = '1GB';
-- Nor does a checkpoint merge the row groups a load leaves partly filled (one at the end of every batch): the merge
-- rewrote two fifths of the events at the load's end, where it took about a minute at ten million, and left their old
-- blocks free inside the file. A load that deleted rows lets it run (store/checkpoint-after-deleting.sql).
SET max_vacuum_tasks = 0;
