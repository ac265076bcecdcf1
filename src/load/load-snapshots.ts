import { resolve } from 'node:path';
import { cacheDirFor, defaults, engineSettings } from '../config';
import { sniffFormat, type Sniffed } from '../formats/sniff';
import { openSource } from '../source/open-source';
import { snapshotTime } from '../source/snapshot-time';
import type { Source, SourceObject } from '../source/types';
import { isUnreadable } from '../source/unreadable-entry';
import { limitConcurrency } from '../source/limit-concurrency';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { EmptyRunError, FileLoadError, writeRun, type FetchedFile } from './write-run';
import { twoFlowsNotices } from './flow-notices';
import type { LoadNotice } from './load-notice';
import type { LoadEvent } from './progress';
import { nothingUsable } from './nothing-usable';
import { planRuns, type RunPlan, type SkippedObject } from './run-plan';

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
 * per run. A run that cannot be read is recorded with its error and left for the next load; the others still load.
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

  const store = await Store.open(dbPath, engineSettings({ memoryLimit: options.memoryLimit, threads: options.threads }));
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
    // The next run is fetched while this one loads; its failure is kept as a value, so it can never go unhandled.
    const fetchRun = (run: RunPlan) =>
      fetchRunFiles(source, run, fetchLimit, report).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    let next = toLoad.length > 0 ? fetchRun(toLoad[0]) : null;
    for (let i = 0; i < toLoad.length; i++) {
      const run = toLoad[i];
      const fetched = await next!;
      next = i + 1 < toLoad.length ? fetchRun(toLoad[i + 1]) : null;
      await loadOneRun(store, source, run, fetched, loaded.has(run.snapshotId), summary, report);
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

async function loadOneRun(
  store: Store,
  source: Source,
  run: RunPlan,
  fetched: FetchedRun | Error,
  reload: boolean,
  summary: LoadSummary,
  report: (event: LoadEvent) => void,
): Promise<void> {
  const fail = async (fileKey: string | null, message: string, line: number | null = null, kind = 'run-failed'): Promise<void> => {
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
  if (fetched instanceof Error) {
    await fail(null, fetched.message);
    return;
  }
  summary.skipped.push(...fetched.skipped);
  if (fetched.unreadable.length > 0) {
    await fail(fetched.unreadable[0].key, fetched.unreadable[0].message, null, 'unreadable-file');
    return;
  }
  if (fetched.files.length === 0) {
    const shown = fetched.skipped.slice(0, 3).map((s) => `${s.key}: ${s.reason}`);
    if (fetched.skipped.length > shown.length) shown.push(`${fetched.skipped.length - shown.length} more`);
    await fail(null, `run ${run.runKey}: no records: every file of the run was skipped (${shown.join('; ')}); refused rather than loaded as an empty snapshot`, null, 'no-records');
    return;
  }
  try {
    const { rows, notices } = await writeRun(store, run, fetched.files, source.uri);
    summary.notices.push(...notices);
    await store.run(sqlFile('store/clear-load-errors'), { run_key: run.runKey, source_uri: source.uri });
    if (reload) summary.runsReloaded++;
    else summary.runsLoaded++;
    summary.rowsLoaded += rows;
    summary.filesLoaded += fetched.files.length;
    summary.bytesRead += fetched.files.reduce((n, f) => n + f.size, 0);
    report({ type: 'run-loaded', runKey: run.runKey, rows, files: fetched.files.length, reloaded: reload });
  } catch (error) {
    if (error instanceof FileLoadError) await fail(error.fileKey, error.message, error.line, error.kind);
    else if (error instanceof EmptyRunError) await fail(null, error.message, null, error.kind);
    else await fail(null, (error as Error).message);
  }
}
