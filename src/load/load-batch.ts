import { debugEnabled } from '../config';
import { snapshotTime } from '../source/snapshot-time';
import type { Source } from '../source/types';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';
import type { FetchedRun } from './fetch-run';
import { FileLoadError, type FetchedFile } from './fetched-file';
import type { LoadSummary } from './load-summary';
import type { LoadEvent } from './progress';
import type { RunPlan } from './run-plan';
import { EmptyRunError, writeRuns, type RunToWrite, type WrittenRun } from './write-run';
import { outOfMemory } from './out-of-memory';

/**
 * Loads a batch of runs in one transaction. A run that cannot be written fails the batch's transaction, so the
 * batch is then loaded run by run: the others still load, and the failure is that run's own.
 */
export async function loadBatch(
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
    const written = await writeRuns(store, ready, source.uri).catch((error: unknown) => {
      if (debugEnabled()) process.stderr.write(`fleetkit: a batch of ${ready.length} runs failed (${(error as Error).message.split('\n')[0]}); writing them one at a time\n`);
      return null;
    });
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

function counted({ files }: RunToWrite, { run, rows, notices }: WrittenRun, reload: boolean, summary: LoadSummary, report: (event: LoadEvent) => void): void {
  summary.notices.push(...notices);
  if (reload) summary.runsReloaded++;
  else summary.runsLoaded++;
  summary.rowsLoaded += rows;
  summary.filesLoaded += files.length;
  summary.bytesRead += files.reduce((n, f) => n + f.size, 0);
  report({ type: 'run-loaded', runKey: run.runKey, rows, files: files.length, reloaded: reload });
}
