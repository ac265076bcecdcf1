import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { cacheDirFor, defaults, engineSettings, loadWriters } from '../config';
import { openSource } from '../source/open-source';
import type { SourceObject } from '../source/types';
import { limitConcurrency } from '../source/limit-concurrency';
import { sideBySideOrAlone } from './side-by-side-or-alone';
import { eventRetentionDays, pruneEventsBefore, retentionCutoff } from '../store/event-retention';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { inBatches } from '../store/in-batches';
import { fetchLooseObjects, fetchRunFiles, type FetchedRun } from './fetch-run';
import { loadedStreamObjects, loadStreamFiles, type StreamFile } from './load-streams';
import { loadBatch } from './load-batch';
import type { LoadSummary } from './load-summary';
import { twoFlowsNotices } from './flow-notices';
import type { LoadNotice } from './load-notice';
import type { LoadEvent } from './progress';
import { nothingUsable } from './nothing-usable';
import { outOfMemory } from './out-of-memory';
import { ExitCode, FleetkitError } from '../errors';
import { planRuns, type RunPlan } from './run-plan';

export type { LoadNotice };
export type { LoadSummary, RunFailure } from './load-summary';

/** Batches of more than this many times the batch bytes are written one at a time. */
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

/**
 * Loads every flow run under a source that the store does not hold yet (or whose files changed), one transaction
 * per batch of runs. A run that cannot be read is recorded with its error and left for the next load; the others
 * still load.
 */
export async function loadSnapshots(options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const dbPath = resolve(options.db);
  const source = await openSource({
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
  const planned = planRuns(listed, source.rootName);
  if (planned.runs.length === 0 && planned.loose.length === 0) throw nothingUsable(source.uri, listed.length, planned.skipped);

  const engine = engineSettings({ memoryLimit: options.memoryLimit, threads: options.threads });
  const storeExisted = existsSync(dbPath);
  const store = await Store.open(dbPath, engine);
  let storeUnused = false;
  try {
    await store.run(sqlFile('store/loading-session'));
    // Archive objects of a stream loaded before (same key and ETag) are neither fetched nor planned again.
    const streamsHeld = await loadedStreamObjects(store, source.uri);
    const held = (object: SourceObject) => streamsHeld.get(object.key) === object.etag;
    const runs = planned.runs
      .map((run) => ({ ...run, files: run.files.filter((file) => !held(file.object)) }))
      .filter((run) => run.files.length > 0);
    const loose = new Set(planned.loose.map(({ object }) => object.key));
    const skipped = planned.skipped.filter((object) => !loose.has(object.key));
    const fetchLimit = limitConcurrency(Math.max(1, options.concurrency ?? defaults.concurrency));
    const looseFound = await fetchLooseObjects(source, planned.loose.filter(({ object }) => !held(object)), fetchLimit);
    skipped.push(...looseFound.skipped);
    const streamFiles: StreamFile[] = [...looseFound.streams];
    const streamsUnchanged = listed.filter(held).length;
    if (runs.length === 0 && streamFiles.length === 0 && streamsUnchanged === 0) {
      storeUnused = !storeExisted;
      throw nothingUsable(source.uri, listed.length, skipped);
    }
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
      skipped,
      notices: [...planned.notices],
      streams: { objectsLoaded: 0, objectsUnchanged: streamsUnchanged, objectsFailed: 0, delivered: 0, added: 0, bytesRead: 0, pruned: 0, retentionDays: null },
      seconds: 0,
    };
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
    // Runs of many times a batch's bytes (10,000 computers) are written with no other batch beside them: two of
    // them at once ran out of 512MB, where one at a time loads, and so did the newest of 52 such runs beside the
    // batch of the 52 policies runs (a few MB).
    const oversize = (runs: RunPlan[]) => runs.reduce((n, run) => n + run.bytes, 0) > OVERSIZE_BATCHES * batchBytes;
    const gate = sideBySideOrAlone();
    let taken = 0;
    const write = async (writer: Store) => {
      while (taken < batches.length) {
        const i = taken++;
        const fetched = fetchBatch(i)!;
        fetchBatch(i + 1);
        const task = async () => {
          const runsFetched = await Promise.all(fetched);
          // A run folder that holds only a stream's archive objects (a Firehose hour folder) is no run.
          const ofRuns = batches[i].map((run, j) => ({ run, fetched: runsFetched[j] })).filter(({ fetched }) => {
            if (fetched instanceof Error) return true;
            streamFiles.push(...fetched.streams);
            return fetched.streams.length === 0 || fetched.files.length + fetched.unreadable.length > 0;
          });
          summary.runsListed -= batches[i].length - ofRuns.length;
          if (ofRuns.length === 0) return;
          await loadBatch(writer, source, ofRuns.map(({ run }) => run), ofRuns.map(({ fetched }) => fetched), loaded, summary, report, engine.memoryLimit);
        };
        await gate(oversize(batches[i]), task);
        fetching.delete(i);
      }
    };
    // Both writers finish before the store closes, even when one of them fails.
    const written = await Promise.allSettled(writers.map(write));
    for (const writer of writers.slice(1)) writer.closeSync();
    const failed = written.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    // On one connection, after the runs: two transactions at once could each add an event the other adds.
    await loadStreamFiles(store, streamFiles, source.uri, engine, summary, report);
    summary.streams.retentionDays = await eventRetentionDays(store);
    const cutoff = retentionCutoff(summary.streams.retentionDays, new Date());
    if (cutoff !== null) summary.streams.pruned = await pruneEventsBefore(store, cutoff);
    try {
      await store.settle();
    } catch (error) {
      const reason = outOfMemory((error as Error).message, engine.memoryLimit).split('\n')[0];
      throw new FleetkitError(
        `the runs are loaded, but comparing each computers run with the one before it failed (${reason}); computer_changes refuses until a load compares them`,
        ExitCode.failed,
        { cause: error },
      );
    }
    summary.notices.push(...(await twoFlowsNotices(store)));
    const deleted = summary.streams.pruned > 0 || summary.runsReloaded > 0;
    await store.run(sqlFile(deleted ? 'store/checkpoint-after-deleting' : 'store/checkpoint'));
    summary.filesDownloaded = source.stats?.downloaded ?? 0;
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  } finally {
    store.closeSync();
    // A store this load made for a source with nothing usable is not left behind, empty.
    if (storeUnused) for (const path of [dbPath, `${dbPath}.wal`]) rmSync(path, { force: true });
  }
}
