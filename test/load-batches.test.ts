import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance, quotedString } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaults, loadWriters } from '../src/config';
import { loadSnapshots } from '../src/load/load-snapshots';
import { catalogObject } from '../src/store/object-catalog';
import { inBatches } from '../src/store/in-batches';
import { Store } from '../src/store/store';
import { generateRuns } from '../src/sample/fleet';
import { writeRuns, type WrittenRun } from '../src/sample/write';
import { tempDir } from './helpers/tree';

/** Every statement the loader runs, counted by its SQL text, while `fn` runs. */
async function countingStatements<T>(fn: () => Promise<T>): Promise<{ result: T; ran: Map<string, number> }> {
  const ran = new Map<string, number>();
  const run = Store.prototype.run;
  Store.prototype.run = async function (this: Store, sql, params) {
    ran.set(sql, (ran.get(sql) ?? 0) + 1);
    return run.call(this, sql, params);
  };
  try {
    return { result: await fn(), ran };
  } finally {
    Store.prototype.run = run;
  }
}

describe.each([
  { memoryLimit: '256MB', writers: 1 },
  { memoryLimit: '512MB', writers: 2 },
])('runs load in batches, $writers at once ($memoryLimit)', ({ memoryLimit, writers }) => {
  it('many small Parquet runs of two schemas load in a few statements, each record in its file and place', async () => {
    const runs = [...generateRuns({ computers: 9, weeks: 8, seed: 41, schemaV2FromWeek: 4 })];
    const root = tempDir('batches');
    const written: WrittenRun[] = [];
    await writeRuns(runs, { outDir: root, format: 'parquet', filesPerRun: 2, onRun: (run) => written.push(run) });
    const db = join(root, 'fleet.duckdb');

    expect(loadWriters({ memoryLimit, threads: 2 }).writers).toBe(writers);
    const connect = vi.spyOn(Store.prototype, 'anotherConnection');
    const { result: summary, ran } = await countingStatements(() => loadSnapshots({ source: root, db, memoryLimit, threads: 2 }));
    // One batch per flow: with two writers, the second flow's batch is written on a second connection.
    expect(connect).toHaveBeenCalledTimes(writers - 1);
    connect.mockRestore();

    expect(summary.runsLoaded).toBe(runs.length);
    expect(summary.rowsLoaded).toBe(runs.reduce((n, run) => n + run.records.length, 0));
    // One batch per flow here: the per-run statements no longer run once per run.
    const computerRuns = runs.filter((run) => run.object === 'computers').length;
    expect(ran.get(catalogObject('computers')!.stage)).toBeLessThanOrEqual(Math.ceil(computerRuns / defaults.batchRuns));
    const store = await Store.open(db);
    try {
      for (const run of runs) {
        const files = written.find((w) => w.executionId === run.executionId)!.keys;
        const stored = (
          await store.query(
            `SELECT file_key, ordinal, record->>'$.ID' AS id FROM fk_records WHERE snapshot_id = $id ORDER BY file_key, ordinal`,
            { id: run.executionId },
          )
        ).rows;
        expect(stored.map((r) => r.id)).toEqual(run.records.map((record) => String(record.ID)));
        for (const key of files) {
          const ordinals = stored.filter((r) => key.endsWith(String(r.file_key))).map((r) => Number(r.ordinal));
          expect(ordinals).toEqual(ordinals.map((_, i) => i + 1));
        }
      }
    } finally {
      store.closeSync();
    }
  });

  it('a damaged file fails its own run only, named; the other runs of its batch load', async () => {
    const runs = [...generateRuns({ computers: 6, weeks: 5, seed: 42 })];
    const root = tempDir('batch-failure');
    const written: WrittenRun[] = [];
    await writeRuns(runs, { outDir: root, format: 'parquet', onRun: (run) => written.push(run) });
    const damaged = written.find((w) => w.object === 'computers' && w.runAt.getTime() === Math.max(...written.filter((r) => r.object === 'computers').map((r) => r.runAt.getTime())))!;
    const path = join(root, damaged.keys[0]);
    const bytes = readFileSync(path);
    // Magic bytes at both ends, as a Parquet file has, and garbage between: it sniffs as Parquet and cannot be read.
    writeFileSync(path, Buffer.concat([bytes.subarray(0, 4), Buffer.alloc(bytes.length - 12, 0x55), bytes.subarray(bytes.length - 8)]));
    const db = join(root, 'fleet.duckdb');

    const summary = await loadSnapshots({ source: root, db, memoryLimit, threads: 2 });

    expect(summary.runsLoaded).toBe(runs.length - 1);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0].fileKey).toBe(damaged.keys[0]);
    expect(summary.failures[0].message).toContain(path);
    const store = await Store.open(db);
    try {
      const loaded = (await store.query('SELECT snapshot_id, row_count FROM fk_runs ORDER BY snapshot_id')).rows;
      const expected = runs.filter((run) => run.executionId !== damaged.executionId);
      expect(loaded).toEqual(
        expected.map((run) => ({ snapshot_id: run.executionId, row_count: run.records.length })).sort((a, b) => a.snapshot_id.localeCompare(b.snapshot_id)),
      );
      expect((await store.query('SELECT count(*)::INTEGER AS n FROM fk_records WHERE snapshot_id = $id', { id: damaged.executionId })).rows).toEqual([{ n: 0 }]);
    } finally {
      store.closeSync();
    }
  });

});

describe('Parquet files read together', () => {
  it('keep columns named like the loader\'s own (path, object, file_key) in the record', async () => {
    const root = tempDir('batch-columns');
    const ids = ['55555555-5555-4555-8555-555555555551', '55555555-5555-4555-8555-555555555552'];
    const duckdb = await DuckDBInstance.create(':memory:');
    const connection = await duckdb.connect();
    for (const [i, id] of ids.entries()) {
      const path = join(root, 'ws-computers', id, 'part-00000.parquet');
      mkdirSync(join(path, '..'), { recursive: true });
      await connection.run(`COPY (SELECT ${i + 1} AS ID, 'host-${i}' AS hostName, '20.0.1-100' AS agentVersion, 'Ubuntu 22.04' AS platform,
        1775000000000 AS lastAgentCommunication, 'share/${i}' AS path, 'kept' AS object, 'key-${i}' AS file_key)
        TO ${quotedString(path)} (FORMAT parquet)`);
    }
    connection.closeSync();
    duckdb.closeSync();
    const db = join(root, 'fleet.duckdb');

    const { result: summary, ran } = await countingStatements(() => loadSnapshots({ source: root, db }));

    expect(summary.runsLoaded).toBe(2);
    expect(ran.get(catalogObject('computers')!.stage)).toBe(1);
    const store = await Store.open(db);
    try {
      const rows = await store.query(`SELECT snapshot_id, record->>'$.path' AS path, record->>'$.object' AS object, record->>'$.file_key' AS file_key
        FROM fk_records ORDER BY snapshot_id`);
      expect(rows.rows).toEqual(ids.map((id, i) => ({ snapshot_id: id, path: `share/${i}`, object: 'kept', file_key: `key-${i}` })));
    } finally {
      store.closeSync();
    }
  });
});

describe('batch bounds', () => {
  it('groups are consecutive and bounded by size and count; an item larger than the bound is a group of its own', () => {
    expect(inBatches([5, 5, 5, 20, 1, 1, 1, 1], (n) => n, 10, 3)).toEqual([[5, 5], [5], [20], [1, 1, 1], [1]]);
    expect(inBatches([], (n: number) => n, 10)).toEqual([]);
  });

  it('writers share the memory limit: one at 256MB, as many as the threads allow when it holds more', () => {
    expect(loadWriters({ memoryLimit: '256MB', threads: 4 })).toEqual({ writers: 1, batchBytes: 16e6 });
    expect(loadWriters({ memoryLimit: '512MB', threads: 4 })).toEqual({ writers: 2, batchBytes: 16e6 });
    expect(loadWriters({ memoryLimit: '2GB', threads: 4 })).toEqual({ writers: 4, batchBytes: 31.25e6 });
    expect(loadWriters({ memoryLimit: '2GB', threads: 1 }).writers).toBe(1);
    expect(loadWriters({ memoryLimit: '1GiB', threads: 2 })).toEqual({ writers: 2, batchBytes: 2 ** 30 / 32 });
  });
});

describe('a load short of memory', () => {
  it('refuses each run with the limit in force and what to change, on one line, and stores nothing', async () => {
    const runs = [...generateRuns({ computers: 5, weeks: 2, seed: 43 })];
    const root = tempDir('short-of-memory');
    await writeRuns(runs, { outDir: root, format: 'json' });
    const db = join(root, 'fleet.duckdb');

    // DuckDB's JSON reader takes a 32 MB buffer, which 16MB cannot hold.
    const summary = await loadSnapshots({ source: root, db, memoryLimit: '16MB', threads: 1 });

    expect(summary.runsLoaded).toBe(0);
    expect(summary.failures).toHaveLength(runs.length);
    for (const failure of summary.failures) {
      expect(failure.message).toMatch(/Out of Memory Error: .*; the load's memory limit was 16MB: load again with a larger --memory-limit \(or FLEETKIT_MEMORY_LIMIT\)$/);
      expect(failure.message).not.toContain('\n');
    }
    const store = await Store.open(db);
    try {
      expect((await store.query('SELECT count(*)::INTEGER AS n FROM fk_runs')).rows).toEqual([{ n: 0 }]);
    } finally {
      store.closeSync();
    }
  });
});
