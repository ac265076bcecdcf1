import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { FleetkitError } from '../errors';
import { gunzipFile } from '../formats/gunzip';
import { snapshotTime } from '../source/snapshot-time';
import { catalogObject } from '../store/object-catalog';
import { sqlFile } from '../store/sql-files';
import type { Row } from '../store/query-result';
import type { Store } from '../store/store';
import { objectFromFields, objectFromFlowName, ownName } from './object-kind';
import type { RunPlan } from './run-plan';
import { FileLoadError, type FetchedFile } from './fetched-file';
import { insertRecords } from './insert-records';

/** A run whose files hold no records: refused, so the fleet never "drops to 0" because of a broken export. */
export class EmptyRunError extends FleetkitError {
  readonly kind = 'no-records';
}

/** How many records were left out, by reason: `2 other-object, 1 missing-id`. */
function leftOut(notices: RecordNotice[]): string {
  const counts = new Map<string, number>();
  for (const n of notices) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

/** A record the model left out or merged (a duplicate ID, no usable ID, the other object), as the store keeps it. */
export interface RecordNotice {
  kind: string;
  runKey: string;
  fileKey: string | null;
  line: null;
  message: string;
}

/** A run with its files, fetched and sniffed. */
export interface RunToWrite {
  run: RunPlan;
  files: FetchedFile[];
}

export interface WrittenRun {
  run: RunPlan;
  rows: number;
  notices: RecordNotice[];
}

/**
 * Replaces runs in the store in one transaction: their raw records, catalog rows and derived model rows all
 * change together, or nothing changes. Each statement works on every run of the batch at once, so a batch of many
 * small runs costs about what one run does. A run that fails fails the whole batch (with that run's error).
 */
export async function writeRuns(store: Store, batch: RunToWrite[], sourceUri: string): Promise<WrittenRun[]> {
  const scratch = batch.some(({ files }) => files.some((f) => f.compression === 'gzip')) ? await mkdtemp(join(tmpdir(), 'fleetkit-gunzip-')) : null;
  try {
    let unpacked = 0;
    const plain = await Promise.all(
      batch.map(async ({ run, files }) => ({
        run,
        files: await Promise.all(files.map((file) => plainFile(file, scratch === null ? '' : join(scratch, String(unpacked++))))),
      })),
    );
    return await store.transaction(() => replaceRuns(store, plain, sourceUri));
  } finally {
    if (scratch !== null) await rm(scratch, { recursive: true, force: true });
  }
}

interface StoredRun extends RunToWrite {
  object: string;
  records: number;
  fileRecords: number[];
}

async function replaceRuns(store: Store, batch: RunToWrite[], sourceUri: string): Promise<WrittenRun[]> {
  const ids = listValue(batch.map(({ run }) => run.snapshotId));
  const replaced = (await store.query(sqlFile('store/delete-run-entries'), { snapshot_ids: ids })).rows.map((r) => String(r.snapshot_id));
  if (replaced.length > 0) {
    await store.run(sqlFile('store/delete-runs'), { snapshot_ids: listValue(replaced) });
    await store.clearDerived(replaced);
  }
  const stored = await storeRecords(store, batch);
  await store.run(sqlFile('store/insert-files'), { files: JSON.stringify(stored.flatMap(fileRows)) });
  const derived = await store.deriveNewRuns(stored.map(({ run, object }) => ({ snapshotId: run.snapshotId, object, period: run.period })));
  const written = stored.map((entry) => judged(entry, derived.notices));
  const runRows = stored.map(({ run, object, files, records }) => {
    const taken = snapshotTime(run.lastModified, run.period, derived.newest.get(run.snapshotId) ?? null);
    return {
      snapshot_id: run.snapshotId,
      object,
      flow_name: run.flowName,
      run_key: run.runKey,
      schema_version: run.schemaVersion,
      period_start: run.period?.start.toISOString() ?? null,
      period_end: run.period?.end.toISOString() ?? null,
      last_modified: run.lastModified.toISOString(),
      snapshot_at: taken.at.toISOString(),
      time_source: taken.source,
      file_count: files.length,
      row_count: records,
      signature: run.signature,
      source_uri: sourceUri,
    };
  });
  await store.run(sqlFile('store/insert-runs'), { runs: JSON.stringify(runRows) });
  await store.run(sqlFile('store/clear-load-errors'), { run_keys: listValue(batch.map(({ run }) => run.runKey)), source_uri: sourceUri });
  return written;
}

/** Inserts the runs' records; refuses a run without any, and tells each run's object. */
async function storeRecords(store: Store, batch: RunToWrite[]): Promise<StoredRun[]> {
  const named = batch.map(({ run }) => objectFromFlowName(run.flowName));
  const provisional = batch.map(({ run }, i) => named[i] ?? ownName(run.flowName).toLowerCase());
  const counts = await insertRecords(store, batch.map(({ run, files }, i) => ({ snapshotId: run.snapshotId, object: provisional[i], files })));
  const stored: StoredRun[] = [];
  for (const [i, { run, files }] of batch.entries()) {
    const records = counts[i].reduce((n, count) => n + count, 0);
    if (records === 0) {
      const names = files.map((f) => f.location).join(', ');
      throw new EmptyRunError(`run ${run.runKey}: no records in its ${files.length === 1 ? 'file' : `${files.length} files`} (${names}); refused rather than loaded as an empty snapshot`);
    }
    const object = named[i] ?? (await objectFromRecords(store, run));
    if (object !== provisional[i]) await store.run(sqlFile('store/set-run-object'), { object, snapshot_id: run.snapshotId });
    stored.push({ run, files, object, records, fileRecords: counts[i] });
  }
  return stored;
}

function fileRows({ run, files, fileRecords }: StoredRun) {
  return files.map((file, i) => ({
    snapshot_id: run.snapshotId,
    file_key: file.key,
    etag: file.etag,
    size: file.size,
    last_modified: file.lastModified.toISOString(),
    format: file.format,
    partitions: Object.keys(file.partitions).length > 0 ? file.partitions : null,
    row_count: fileRecords[i],
  }));
}

/** The run's notices, and how many of its records the model counts; refuses a run whose records are all left out. */
function judged({ run, files, object, records }: StoredRun, noticed: Row[]): WrittenRun {
  const notices = noticed
    .filter((row) => row.snapshot_id === run.snapshotId)
    .map((row): RecordNotice => ({ kind: String(row.kind), runKey: run.runKey, fileKey: String(row.file_key), line: null, message: String(row.message) }));
  if (catalogObject(object) === undefined) {
    notices.push({
      kind: 'unknown-object',
      runKey: run.runKey,
      fileKey: null,
      line: null,
      message: `run ${run.runKey}: its ${records} records are of no object fleetkit knows; kept as "${object}", in no figure`,
    });
    return { run, rows: records, notices };
  }
  if (notices.length >= records) {
    const names = files.map((f) => f.location).join(', ');
    throw new EmptyRunError(`run ${run.runKey}: none of the ${records} records in ${names} is one of ${object} (${leftOut(notices)}); refused rather than loaded as an empty snapshot`);
  }
  return { run, rows: records - notices.length, notices };
}

/** The file as DuckDB reads it: a gzip file is unpacked to `target` first, since DuckDB reads a cut-short gzip silently. */
async function plainFile(file: FetchedFile, target: string): Promise<FetchedFile> {
  if (file.compression !== 'gzip') return file;
  try {
    await gunzipFile(file.path, target);
  } catch (error) {
    throw new FileLoadError(file.key, file.location, null, `damaged gzip data (${(error as Error).message})`);
  }
  return { ...file, path: target };
}

async function objectFromRecords(store: Store, run: RunPlan): Promise<string> {
  const fields = await store.query(sqlFile('store/sample-record'), { snapshot_id: run.snapshotId });
  return objectFromFields(fields.rows.map((r) => String(r.field)), run.flowName);
}
