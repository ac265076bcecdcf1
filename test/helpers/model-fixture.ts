import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeneratedRun } from '../../src/sample/fleet';
import { withTextValues } from '../../src/sample/to-text';
import { sqlFile } from '../../src/store/sql-files';
import { Store } from '../../src/store/store';

/**
 * How a run's records reach the store: `typed` as JSON keeps them; `text` is how CSV and all-string Parquet carry
 * them (every top-level value a string, nested objects parsed back to JSON as the loader's `fk_cell` does).
 */
export type RecordTyping = 'typed' | 'text';

export interface ModelFixture {
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** A fresh store file in a temporary folder, opened the way fleetkit opens one (schema and model installed). */
export async function openModelFixture(): Promise<ModelFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetkit-model-'));
  const store = await Store.open(join(dir, 'fleet.duckdb'));
  return {
    store,
    dir,
    async close() {
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The record as a CSV or all-string Parquet file gives it to the store. */
export function textRecord(record: Record<string, unknown>): Record<string, unknown> {
  const text: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(withTextValues(record))) {
    text[name] = value !== null && /^\s*[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return text;
}

/**
 * Loads one generated run as the loader does: in one transaction, replace the run's raw records and catalog row,
 * then derive its model rows with the per-run model SQL.
 */
export async function loadGeneratedRun(fixture: ModelFixture, run: GeneratedRun, typing: RecordTyping = 'typed'): Promise<void> {
  const records = typing === 'text' ? run.records.map(textRecord) : run.records;
  const fileKey = `${run.flowName}/${run.executionId}/records.jsonl`;
  const path = join(fixture.dir, `${run.executionId}.jsonl`);
  await writeFile(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  const { store } = fixture;
  await store.transaction(async () => {
    await store.run(sqlFile('store/delete-run'), { snapshot_id: run.executionId });
    await store.run(sqlFile('store/insert-json-lines'), {
      snapshot_id: run.executionId,
      object: run.object,
      file_key: fileKey,
      path,
    });
    await store.run(sqlFile('store/insert-run'), {
      snapshot_id: run.executionId,
      object: run.object,
      flow_name: run.flowName,
      run_key: `${run.flowName}/${run.executionId}`,
      schema_version: run.schemaVersion,
      period_start: null,
      period_end: null,
      last_modified: run.runAt.toISOString(),
      snapshot_at: run.runAt.toISOString(),
      time_source: 'last_modified',
      file_count: 1,
      signature: run.executionId,
      source_uri: fixture.dir,
    });
    await store.deriveRun(run.executionId);
  });
  await rm(path);
}

/** Loads runs in order; `typing` may differ per run (e.g. a flow that switched from CSV to JSON). */
export async function loadGeneratedRuns(
  fixture: ModelFixture,
  runs: Iterable<GeneratedRun>,
  typing: RecordTyping | ((run: GeneratedRun) => RecordTyping) = 'typed',
): Promise<void> {
  for (const run of runs) await loadGeneratedRun(fixture, run, typeof typing === 'function' ? typing(run) : typing);
}
