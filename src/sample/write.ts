import { mkdir, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeEventArchive, type EventArchiveSummary } from './events';
import { generateRuns } from './fleet';
import type { GeneratedRun, SampleObject } from './fleet';
import { runPrefix } from './layouts';
import type { SampleLayout } from './layouts';
import type { FleetOptions } from './plan';
import { writeTextFile } from './text-file';
import { ParquetWriter } from './to-parquet';
import { toCsv, toJsonArray, toJsonLines } from './to-text';

/**
 * - `json`: one record per line; `json-array`: one array per file; `csv`: header row, nested values as JSON text;
 * - `parquet`: types kept (nested objects as structs); `parquet-strings`: every top-level value a string.
 * Parquet files have no extension, as AppFlow writes them.
 */
export type SampleFormat = 'json' | 'json-array' | 'csv' | 'parquet' | 'parquet-strings';

export const SAMPLE_FORMATS: readonly SampleFormat[] = ['json', 'json-array', 'csv', 'parquet', 'parquet-strings'];

export interface WriteRunsOptions {
  outDir: string;
  layout?: SampleLayout;
  format?: SampleFormat;
  /** Files per run (default 1); more splits the records in pages, like AppFlow's aggregation "none". */
  filesPerRun?: number;
  /**
   * Seconds between a run's start and its first file's LastModified (default 3, as `aws s3 sync` keeps it); 0 dates
   * the first file at the run's time, so the loader takes `runAt` itself as the snapshot time.
   */
  uploadDelaySeconds?: number;
  /** Called after each run's files are written. */
  onRun?: (run: WrittenRun) => void;
}

export interface WriteSampleOptions extends FleetOptions, WriteRunsOptions {
  /** Days of security and system events to archive beside the flows, ending at the last run (default none). */
  eventDays?: number;
  /** Events a computer records in a day, on average (default 4). */
  eventsPerHostDay?: number;
}

export interface WrittenRun {
  flowName: string;
  object: SampleObject;
  executionId: string;
  runAt: Date;
  /** Keys of the run's files relative to `outDir`, `/`-separated. */
  keys: string[];
  records: number;
  bytes: number;
}

export interface FlowSummary {
  flowName: string;
  object: SampleObject;
  runs: number;
  files: number;
  records: number;
  bytes: number;
}

export interface SampleSummary {
  outDir: string;
  layout: SampleLayout;
  format: SampleFormat;
  flows: FlowSummary[];
  runs: number;
  files: number;
  records: number;
  bytes: number;
  /** The event archive written beside the flows, when asked for. */
  events?: EventArchiveSummary;
}

const EXTENSIONS: Readonly<Record<SampleFormat, string>> = {
  json: '.json',
  'json-array': '.json',
  csv: '.csv',
  parquet: '',
  'parquet-strings': '',
};


function pages(records: Record<string, unknown>[], count: number): Record<string, unknown>[][] {
  const pageCount = Math.max(1, Math.min(count, records.length));
  const size = Math.ceil(records.length / pageCount);
  return Array.from({ length: pageCount }, (_, page) => records.slice(page * size, (page + 1) * size));
}

function fileName(page: number, format: SampleFormat): string {
  return `part-${String(page).padStart(5, '0')}${EXTENSIONS[format]}`;
}

/**
 * Generates the fleet and writes its runs under `outDir` in AppFlow's S3 layout, one run at a time, and the event
 * archive of its last weeks when `eventDays` asks for one.
 */
export async function writeSampleData(options: WriteSampleOptions): Promise<SampleSummary> {
  const last = new Map<SampleObject, GeneratedRun>();
  const remembered = function* (): Generator<GeneratedRun> {
    for (const run of generateRuns(options)) {
      last.set(run.object, run);
      yield run;
    }
  };
  const summary = await writeRuns(remembered(), options);
  if ((options.eventDays ?? 0) <= 0) return summary;
  const events = await writeEventArchive([...last.values()], {
    outDir: options.outDir,
    days: options.eventDays!,
    eventsPerHostDay: options.eventsPerHostDay ?? 4,
    seed: options.seed,
  });
  return { ...summary, events };
}

/** Writes runs under `outDir` in AppFlow's S3 layout, one run at a time, each file's mtime standing for its LastModified. */
export async function writeRuns(runs: Iterable<GeneratedRun>, options: WriteRunsOptions): Promise<SampleSummary> {
  const layout = options.layout ?? 'default';
  const format = options.format ?? 'json';
  const filesPerRun = options.filesPerRun ?? 1;
  const uploadDelaySeconds = options.uploadDelaySeconds ?? 3;
  if (!Number.isInteger(filesPerRun) || filesPerRun < 1) throw new RangeError(`filesPerRun must be a positive integer, got ${filesPerRun}`);
  const parquet = format === 'parquet' || format === 'parquet-strings' ? await ParquetWriter.open() : null;
  const flows = new Map<string, FlowSummary>();
  try {
    for (const run of runs) {
      const written = await writeRun(run);
      const flow = flows.get(run.flowName) ?? { flowName: run.flowName, object: run.object, runs: 0, files: 0, records: 0, bytes: 0 };
      flow.runs += 1;
      flow.files += written.keys.length;
      flow.records += written.records;
      flow.bytes += written.bytes;
      flows.set(run.flowName, flow);
      options.onRun?.(written);
    }
  } finally {
    await parquet?.close();
  }
  const all = [...flows.values()];
  const total = (field: 'runs' | 'files' | 'records' | 'bytes') => all.reduce((sum, flow) => sum + flow[field], 0);
  return { outDir: options.outDir, layout, format, flows: all, runs: total('runs'), files: total('files'), records: total('records'), bytes: total('bytes') };

  function textPieces(records: Record<string, unknown>[]): Iterable<string> {
    return format === 'csv' ? toCsv(records) : format === 'json-array' ? toJsonArray(records) : toJsonLines(records);
  }

  async function writeRun(run: GeneratedRun): Promise<WrittenRun> {
    const prefix = runPrefix(layout, run);
    await mkdir(join(options.outDir, prefix), { recursive: true });
    const files = pages(run.records, filesPerRun).map((records, page) => {
      const key = `${prefix}/${fileName(page, format)}`;
      return { key, destination: join(options.outDir, key), records };
    });
    if (parquet) await parquet.writeRun(files, format === 'parquet');
    else for (const file of files) await writeTextFile(file.destination, textPieces(file.records));
    let bytes = 0;
    for (const [page, file] of files.entries()) {
      const uploadedAt = new Date(run.runAt.getTime() + (uploadDelaySeconds + page) * 1000);
      await utimes(file.destination, uploadedAt, uploadedAt);
      bytes += (await stat(file.destination)).size;
    }
    const keys = files.map((file) => file.key);
    return { flowName: run.flowName, object: run.object, executionId: run.executionId, runAt: run.runAt, keys, records: run.records.length, bytes };
  }
}
