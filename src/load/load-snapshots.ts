import { resolve } from 'node:path';
import { cacheDirFor, defaults, engineSettings, loadWriters } from '../config';
import { sniffFormat, type Sniffed } from '../formats/sniff';
import { openSource } from '../source/open-source';
import { snapshotTime } from '../source/snapshot-time';
import type { Source, SourceObject } from '../source/types';
import { isUnreadable } from '../source/unreadable-entry';
import { limitConcurrency } from '../source/limit-concurrency';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { inBatches } from '../store/in-batches';
import { FileLoadError, type FetchedFile } from './fetched-file';
import { EmptyRunError, writeRuns, type RunToWrite, type WrittenRun } from './write-run';
import { twoFlowsNotices } from './flow-notices';
import type { LoadNotice } from './load-notice';
import type { LoadEvent } from './progress';
import { nothingUsable } from './nothing-usable';
import { planRuns, type RunPlan, type SkippedObject } from './run-plan';

/** A batch of more than this many times the batch bytes is written alone. */
const OVERSIZE_BATCHES = 4;

export interface LoadOptions {
  /** `s3://bucket/prefix` or a folder laid out like the bucket. */
  source: string;
  /** The DuckDB store file; created when missing. */
  db: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  /** Downloads in flight at once (S3). */
  concurrency?: number;
  /** Where S3 objects are cached by ETag; defaults to `.fleetkit-cache` beside the store. */
  cacheDir?: string;
  /** DuckDB's memory limit while loading (a size such as `512MB`); FLEETKIT_MEMORY_LIMIT or the default otherwise. */
  memoryLimit?: string;
  /** DuckDB's threads while loading; FLEETKIT_THREADS or the default otherwise. */
  threads?: number;
  onProgress?: (event: LoadEvent) => void;
}

export interface RunFailure {
  runKey: string;
  fileKey: string | null;
  message: string;
  /** `no-records` for a run with nothing to load; otherwise why it failed, e.g. `unreadable-file`, `run-failed`. */
  kind: string;
}

export type { LoadNotice };

export interface LoadSummary {
  source: string;
  db: string;
  runsListed: number;
  runsLoaded: number;
  runsReloaded: number;
  runsUnchanged: number;
  runsFailed: number;
  failures: RunFailure[];
  rowsLoaded: number;
  filesLoaded: number;
  bytesRead: number;
  /** Files downloaded this load (S3); files found in the cache are not. */
  filesDownloaded: number;
  skipped: SkippedObject[];
  notices: LoadNotice[];
  seconds: number;
}

/**
 * Loads every flow run under a source that the store does not hold yet (or whose files changed), one transaction
 * per batch of runs. A run that cannot be read is recorded with its error and left for the next load; the others
 * still load.
 */
export async function loadSnapshots(options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const dbPath = resolve(options.db);
  const source = openSource({
    source: options.source,
    cacheDir: options.cacheDir ?? cacheDirFor(dbPath),
    endpoint: options.endpoint,
    region: options.region,
    profile: options.profile,
    concurrency: options.concurrency,
  });
  const report = options.onProgress ?? (() => {});
  const listed: SourceObject[] = [];
  for await (const object of source.list()) listed.push(object);
  const { runs, skipped, notices } = planRuns(listed, source.rootName);
  if (runs.length === 0) throw nothingUsable(source.uri, listed.length, skipped);

  const engine = engineSettings({ memoryLimit: options.memoryLimit, threads: options.threads });
  const store = await Store.open(dbPath, engine);
  try {
    await store.run(sqlFile('store/loading-session'));
    const loaded = new Map<string, string>();
    for (const row of (await store.query(sqlFile('store/loaded-runs'))).rows) {
      loaded.set(String(row.snapshot_id), String(row.signature));
    }
    const toLoad = runs.filter((run) => loaded.get(run.snapshotId) !== run.signature);
    report({
      type: 'listed',
      objects: listed.length,
      runs: runs.length,
      runsToLoad: toLoad.length,
      files: toLoad.reduce((n, r) => n + r.files.length, 0),
      bytes: toLoad.reduce((n, r) => n + r.bytes, 0),
    });

    const summary: LoadSummary = {
      source: source.uri,
      db: dbPath,
      runsListed: runs.length,
      runsLoaded: 0,
      runsReloaded: 0,
      runsUnchanged: runs.length - toLoad.length,
      runsFailed: 0,
      failures: [],
      rowsLoaded: 0,
      filesLoaded: 0,
      bytesRead: 0,
      filesDownloaded: 0,
      skipped: [...skipped],
      notices: [...notices],
      seconds: 0,
    };
    const fetchLimit = limitConcurrency(Math.max(1, options.concurrency ?? defaults.concurrency));
    // A run's fetch failure is kept as a value, so it can never go unhandled while another batch loads.
    const fetchRun = (run: RunPlan) =>
      fetchRunFiles(source, run, fetchLimit, report).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    // Batches never mix flows: the small runs of one flow (policies) load together, not each beside a large run.
    const flows = new Map<string, RunPlan[]>();
    for (const run of toLoad) {
      const ofFlow = flows.get(run.flowName) ?? [];
      ofFlow.push(run);
      flows.set(run.flowName, ofFlow);
    }
    const { writers: writerCount, batchBytes } = loadWriters(engine);
    const batches = [...flows.values()].flatMap((ofFlow) => inBatches(ofFlow, (run) => run.bytes, batchBytes, defaults.batchRuns));
    // Writers take the batches in turn, each on its own connection; every batch is fetched while the one before it
    // loads.
    const writers = [store, ...(await Promise.all(Array.from({ length: Math.min(writerCount, batches.length) - 1 }, () => store.anotherConnection())))];
    const fetching = new Map<number, Promise<FetchedRun | Error>[]>();
    const fetchBatch = (i: number) => {
      if (i < batches.length && !fetching.has(i)) fetching.set(i, batches[i].map(fetchRun));
      return fetching.get(i);
    };
    // A run of many times a batch's bytes (10,000 computers) is written by one writer at a time: two such runs at
    // once ran out of 512MB where one at a time loads.
    const oversize = (runs: RunPlan[]) => runs.reduce((n, run) => n + run.bytes, 0) > OVERSIZE_BATCHES * batchBytes;
    const alone = limitConcurrency(1);
    let taken = 0;
    const write = async (writer: Store) => {
      while (taken < batches.length) {
        const i = taken++;
        const fetched = fetchBatch(i)!;
        fetchBatch(i + 1);
        const task = async () => loadBatch(writer, source, batches[i], await Promise.all(fetched), loaded, summary, report, engine.memoryLimit);
        await (oversize(batches[i]) ? alone(task) : task());
        fetching.delete(i);
      }
    };
    try {
      await Promise.all(writers.map(write));
    } finally {
      for (const writer of writers.slice(1)) writer.closeSync();
    }
    summary.notices.push(...(await twoFlowsNotices(store)));
    await store.run(sqlFile('store/checkpoint'));
    summary.filesDownloaded = source.stats?.downloaded ?? 0;
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  } finally {
    store.closeSync();
  }
}

interface FetchedRun {
  files: FetchedFile[];
  skipped: SkippedObject[];
  /** Files of the run that may hold records but cannot be read: the run fails. */
  unreadable: { key: string; message: string }[];
}

async function fetchRunFiles(
  source: Source,
  run: RunPlan,
  limit: ReturnType<typeof limitConcurrency>,
  report: (event: LoadEvent) => void,
): Promise<FetchedRun> {
  const results = await Promise.all(
    run.files.map((file) =>
      limit(async () => {
        // An empty file holds nothing to fetch; it stays in the run's count of skipped files.
        if (file.object.size === 0 && !isUnreadable(file.object)) {
          return { file, path: '', sniffed: { kind: 'skip', reason: 'empty file' } as Sniffed };
        }
        const path = await source.fetch(file.object);
        report({ type: 'file-fetched', bytes: file.object.size });
        const sniffed = await sniffFormat(path, file.key.fileName);
        return { file, path, sniffed };
      }),
    ),
  );
  const fetched: FetchedRun = { files: [], skipped: [], unreadable: [] };
  for (const { file, path, sniffed } of results) {
    const location = source.uri.startsWith('s3://') ? `${source.uri}/${file.object.key}` : path;
    if (sniffed.kind === 'skip') {
      fetched.skipped.push({ key: file.object.key, reason: sniffed.reason });
      continue;
    }
    if (sniffed.kind === 'unreadable') {
      fetched.unreadable.push({ key: file.object.key, message: `${location}: ${sniffed.reason}` });
      continue;
    }
    fetched.files.push({
      key: file.object.key,
      location,
      path,
      etag: file.object.etag,
      size: file.object.size,
      lastModified: file.object.lastModified,
      format: sniffed.format,
      compression: sniffed.compression,
      partitions: file.key.partitions,
    });
  }
  return fetched;
}

/**
 * Loads a batch of runs in one transaction. A run that cannot be written fails the batch's transaction, so the
 * batch is then loaded run by run: the others still load, and the failure is that run's own.
 */
async function loadBatch(
  store: Store,
  source: Source,
  runs: RunPlan[],
  fetched: (FetchedRun | Error)[],
  loaded: Map<string, string>,
  summary: LoadSummary,
  report: (event: LoadEvent) => void,
  memoryLimit: string,
): Promise<void> {
  const fail = runFailure(store, source, summary, report, memoryLimit);
  const ready: RunToWrite[] = [];
  for (const [i, run] of runs.entries()) {
    const files = await readyFiles(run, fetched[i], summary, fail);
    if (files !== null) ready.push({ run, files });
  }
  if (ready.length === 0) return;
  if (ready.length > 1) {
    const written = await writeRuns(store, ready, source.uri).catch(() => null);
    if (written !== null) {
      for (const [i, result] of written.entries()) counted(ready[i], result, loaded.has(result.run.snapshotId), summary, report);
      return;
    }
  }
  for (const entry of ready) {
    try {
      const [result] = await writeRuns(store, [entry], source.uri);
      counted(entry, result, loaded.has(entry.run.snapshotId), summary, report);
    } catch (error) {
      if (error instanceof FileLoadError) await fail(entry.run, error.fileKey, error.message, error.line, error.kind);
      else if (error instanceof EmptyRunError) await fail(entry.run, null, error.message, null, error.kind);
      else await fail(entry.run, null, (error as Error).message);
    }
  }
}

type Fail = (run: RunPlan, fileKey: string | null, message: string, line?: number | null, kind?: string) => Promise<void>;

/** Records a run that failed or was refused, for the next load to retry and for `load_errors`. */
function runFailure(store: Store, source: Source, summary: LoadSummary, report: (event: LoadEvent) => void, memoryLimit: string): Fail {
  return async (run, fileKey, problem, line = null, kind = 'run-failed') => {
    const message = outOfMemory(problem, memoryLimit);
    summary.runsFailed++;
    summary.failures.push({ runKey: run.runKey, fileKey, message, kind });
    await store.run(sqlFile('store/insert-load-error'), {
      run_key: run.runKey,
      flow_name: run.flowName,
      file_key: fileKey,
      message,
      source_uri: source.uri,
      snapshot_at: snapshotTime(run.lastModified, run.period).at.toISOString(),
      line,
      kind,
    });
    report({ type: 'run-failed', runKey: run.runKey, message });
  };
}

/** The run's files that hold records, or null when the run fails before any is read (recorded by `fail`). */
async function readyFiles(run: RunPlan, fetched: FetchedRun | Error, summary: LoadSummary, fail: Fail): Promise<FetchedFile[] | null> {
  if (fetched instanceof Error) {
    await fail(run, null, fetched.message);
    return null;
  }
  summary.skipped.push(...fetched.skipped);
  if (fetched.unreadable.length > 0) {
    await fail(run, fetched.unreadable[0].key, fetched.unreadable[0].message, null, 'unreadable-file');
    return null;
  }
  if (fetched.files.length === 0) {
    const shown = fetched.skipped.slice(0, 3).map((s) => `${s.key}: ${s.reason}`);
    if (fetched.skipped.length > shown.length) shown.push(`${fetched.skipped.length - shown.length} more`);
    await fail(run, null, `run ${run.runKey}: no records: every file of the run was skipped (${shown.join('; ')}); refused rather than loaded as an empty snapshot`, null, 'no-records');
    return null;
  }
  return fetched.files;
}

/**
 * A failure for want of memory says what to do about it, in one line: DuckDB's own text goes on with a list of
 * settings that fleetkit chooses itself.
 */
function outOfMemory(message: string, memoryLimit: string): string {
  if (!message.includes('Out of Memory Error')) return message;
  return `${message.split('\n')[0]}; the load's memory limit was ${memoryLimit}: load again with a larger --memory-limit (or FLEETKIT_MEMORY_LIMIT)`;
}

function counted({ files }: RunToWrite, { run, rows, notices }: WrittenRun, reload: boolean, summary: LoadSummary, report: (event: LoadEvent) => void): void {
  summary.notices.push(...notices);
  if (reload) summary.runsReloaded++;
  else summary.runsLoaded++;
  summary.rowsLoaded += rows;
  summary.filesLoaded += files.length;
  summary.bytesRead += files.reduce((n, f) => n + f.size, 0);
  report({ type: 'run-loaded', runKey: run.runKey, rows, files: files.length, reloaded: reload });
}
