-- While loading, committed batches stay in the write-ahead log until it holds 64MB, then a checkpoint writes them to
-- the store; what the log holds is also held in memory. On 1,000 computers × 52 runs: 29 s and 765 MB resident at
-- 64MB, against 37 s and 1,017 MB at 1GB (one checkpoint at the end), for a store of 53 MB instead of 34 (every
-- checkpoint leaves the small tables' newest rows in blocks of their own); 16MB took 27–28 s for 66 MB. DuckDB looks
-- at the log only as a commit begins, so Store.transaction also checkpoints after the commit that fills it. The
-- loader checkpoints once more at the end (store/checkpoint.sql).
SET checkpoint_threshold = '64MB';
-- Nor does a checkpoint merge the row groups a load leaves partly filled (one at the end of every batch): the merge
-- rewrote two fifths of the events at the load's end, where it took about a minute at ten million, and left their old
-- blocks free inside the file. A load that deleted rows lets it run (store/checkpoint-after-deleting.sql).
SET max_vacuum_tasks = 0;
