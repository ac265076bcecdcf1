import type { FileFormat } from '../formats/sniff';
import { locateParseError } from '../formats/locate-error';
import { objectFromFields, objectFromFlowName } from '../load/object-kind';
import type { RunPlan } from '../load/run-plan';
import { snapshotTime } from '../source/snapshot-time';
import { recordExpression, type ColumnDescription } from './record-expression';
import { sqlFile } from './sql-files';
import type { Store } from './store';

export interface FetchedFile {
  key: string;
  /** Where a person finds the file: `s3://bucket/prefix/key` or the file's path. */
  location: string;
  path: string;
  etag: string;
  size: number;
  lastModified: Date;
  format: FileFormat;
  partitions: Record<string, string | null>;
}

/** A file of a run that could not be read; names the key and, where it can, the line. */
export class FileLoadError extends Error {
  constructor(
    readonly fileKey: string,
    location: string,
    readonly line: number | null,
    problem: string,
  ) {
    super(line === null ? `${location}: ${problem}` : `${location} line ${line}: ${problem}`);
  }
}

/**
 * Replaces a run in the store in one transaction: its raw records, catalog rows and derived model rows all
 * change together, or nothing changes.
 */
export async function writeRun(store: Store, run: RunPlan, files: FetchedFile[], sourceUri: string): Promise<{ object: string; rows: number }> {
  return store.transaction(async () => {
    await store.run(sqlFile('store/delete-run'), { snapshot_id: run.snapshotId });
    const named = objectFromFlowName(run.flowName);
    const provisional = named ?? run.flowName.toLowerCase();
    for (const file of files) await insertRecords(store, run.snapshotId, provisional, file);
    const object = named ?? (await objectFromRecords(store, run));
    if (object !== provisional) {
      await store.run(sqlFile('store/set-run-object'), { object, snapshot_id: run.snapshotId });
    }
    for (const file of files) {
      await store.run(sqlFile('store/insert-file'), {
        snapshot_id: run.snapshotId,
        file_key: file.key,
        etag: file.etag,
        size: file.size,
        last_modified: file.lastModified.toISOString(),
        format: file.format,
        partitions: Object.keys(file.partitions).length > 0 ? JSON.stringify(file.partitions) : null,
      });
    }
    const taken = snapshotTime(run.lastModified, run.period);
    await store.run(sqlFile('store/insert-run'), {
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
      signature: run.signature,
      source_uri: sourceUri,
    });
    await store.deriveRun(run.snapshotId);
    const counted = await store.query(sqlFile('store/run-row-count'), { snapshot_id: run.snapshotId });
    return { object, rows: Number(counted.rows[0].row_count) };
  });
}

async function insertRecords(store: Store, snapshotId: string, object: string, file: FetchedFile): Promise<void> {
  const params = { snapshot_id: snapshotId, object, file_key: file.key, path: file.path };
  try {
    if (file.format === 'json-lines' || file.format === 'json-array') {
      await store.run(sqlFile(`store/insert-${file.format}`), params);
      return;
    }
    const described = await store.query(sqlFile(`store/describe-${file.format}`), { path: file.path });
    const columns = described.rows as unknown as ColumnDescription[];
    const sql = sqlFile(`store/insert-${file.format}`).replace('{{record}}', () => recordExpression(columns));
    await store.run(sql, params);
  } catch (error) {
    const location = await locateParseError(file.path, file.format).catch(() => null);
    const duckdbProblem = (error as Error).message.split('\n')[0].replace(/"[^"]*"/, 'the file');
    throw new FileLoadError(file.key, file.location, location?.line ?? null, location?.problem ?? duckdbProblem);
  }
}

async function objectFromRecords(store: Store, run: RunPlan): Promise<string> {
  const fields = await store.query(sqlFile('store/sample-record'), { snapshot_id: run.snapshotId });
  return objectFromFields(fields.rows.map((r) => String(r.field)), run.flowName);
}
