import { join } from 'node:path';
import type { WriteSampleOptions } from './write';

/**
 * The options of the committed `sample-data/` tree. It is partitioned by UTC day because git does not keep file
 * mtimes: on a fresh clone the date folders are the only trustworthy snapshot times. Its records are of realistic
 * size (about 20 KB a computer), so the fleet is small to stay under 20 MB and to load quickly: 80 computers, as
 * all-string Parquet (AppFlow with source typing off), 9.9 MB. Typed Parquet took 17 MB and loaded about half as
 * fast (DuckDB turns each row's structs back into JSON); JSON lines would take about 110 MB. The event archive of
 * the fleet's last eight weeks sits beside the flows (ws-events/, ws-system-events/).
 */
export const COMMITTED_SAMPLE_OPTIONS: Readonly<Omit<WriteSampleOptions, 'outDir' | 'onRun'>> = {
  computers: 80,
  weeks: 72,
  seed: 20250707,
  missingWeeks: [21, 49],
  schemaV2FromWeek: 36,
  layout: 'partitioned',
  format: 'parquet-strings',
  filesPerRun: 1,
  // Eight weeks of events beside the flows: 1,600 hourly Firehose objects, about 3 MB. Each archive object costs
  // the load a file's fixed price, so a longer archive would slow the demo more than it shows.
  eventDays: 56,
  eventsPerHostDay: 4,
};

/** The committed tree written with these options (shipped with the package). */
export const SAMPLE_DATA_DIR = join(__dirname, '..', '..', 'sample-data');
