-- While loading, committed runs stay in the write-ahead log (durable) instead of a checkpoint after every run, which
-- rewrites ever more of a growing store; the loader checkpoints once at the end (store/checkpoint.sql).
SET checkpoint_threshold = '1GB';
