DESCRIBE SELECT * FROM read_csv($path, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, skip = 0, hive_partitioning = false);
