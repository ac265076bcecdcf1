import { join } from 'node:path';
import type { WriteSampleOptions } from './write';

/**
 * The options of the committed `sample-data/` tree. It is partitioned by UTC day because git does not keep file
 * mtimes: on a fresh clone the date folders are the only trustworthy snapshot times.
 */
export const COMMITTED_SAMPLE_OPTIONS: Readonly<Omit<WriteSampleOptions, 'outDir' | 'onRun'>> = {
  computers: 320,
  weeks: 72,
  seed: 20250707,
  missingWeeks: [21, 49],
  schemaV2FromWeek: 36,
  layout: 'partitioned',
  format: 'parquet',
  filesPerRun: 1,
};

/** The committed tree written with these options (shipped with the package). */
export const SAMPLE_DATA_DIR = join(__dirname, '..', '..', 'sample-data');
