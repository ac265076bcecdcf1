import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { generateRuns, type GeneratedRun } from '../src/sample/fleet';
import { SCHEMA_VERSION } from '../src/store/schema-version';
import { Store } from '../src/store/store';
import { VERSION } from '../src/version';
import { runCli } from './helpers/cli';
import { holdStore, writeStore } from './helpers/store-holder';
import { tempDir } from './helpers/tree';

const V0_SCHEMA = readFileSync(join(__dirname, 'fixtures', 'store-v0-schema.sql'), 'utf8');
const HOUR = 3600_000;

let work: string;
let computerRuns: GeneratedRun[];

beforeAll(() => {
  work = tempDir('store-migration');
  computerRuns = [...generateRuns({ computers: 5, weeks: 2, seed: 21 })].filter((run) => run.object === 'computers');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function withDatabase(file: string, fn: (run: (sql: string, params?: Record<string, unknown>) => Promise<void>) => Promise<void>) {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await fn(async (sql, params) => void (await connection.run(sql, params as never)));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A store as the fleetkit before schema versions wrote it: the first run's time came from its files' LastModified,
 * the second's from its date folders (LastModified a day later).
 */
async function writeV0Store(name: string): Promise<string> {
  const file = join(work, name);
  await withDatabase(file, async (run) => {
    await run(V0_SCHEMA);
    for (const [i, r] of computerRuns.entries()) {
      const lastModified = new Date(r.runAt.getTime() + (i === 0 ? 0 : 24 * HOUR));
      await run(
        `INSERT INTO fk_runs VALUES ($id, 'computers', $flow, $key, $schema_version, $period_start, $period_end, $last_modified,
           $snapshot_at, 1, $rows, $id, 'test', now())`,
        {
          id: r.executionId,
          flow: r.flowName,
          key: `${r.flowName}/${r.executionId}`,
          schema_version: r.schemaVersion,
          period_start: i === 0 ? null : r.runAt.toISOString(),
          period_end: i === 0 ? null : new Date(r.runAt.getTime() + HOUR).toISOString(),
          last_modified: lastModified.toISOString(),
          snapshot_at: r.runAt.toISOString(),
          rows: r.records.length,
        },
      );
      await run(`INSERT INTO fk_records SELECT $id, 'computers', 'records.jsonl', unnest($records)::JSON`, {
        id: r.executionId,
        records: listValue(r.records.map((record) => JSON.stringify(record))),
      });
    }
  });
  return file;
}

describe('store schema versions', () => {
  it('a store made before schema versions is upgraded by the first reader, and reads as a new one', async () => {
    const db = await writeV0Store('v0.duckdb');
    const snapshots = await runCli(['query', 'SELECT snapshot_id, time_source FROM snapshots ORDER BY snapshot_at', '--db', db, '--format', 'json']);
    expect(snapshots.stderr).toBe('');
    expect(snapshots.status).toBe(0);
    expect(JSON.parse(snapshots.stdout)).toEqual([
      { snapshot_id: computerRuns[0].executionId, time_source: 'last_modified' },
      { snapshot_id: computerRuns[1].executionId, time_source: 'partition' },
    ]);

    const last = computerRuns[1];
    const hosts = await runCli(['query', `SELECT host_name FROM computer_snapshots WHERE snapshot_id = '${last.executionId}' ORDER BY host_name`, '--db', db, '--format', 'json']);
    expect(hosts.status).toBe(0);
    const expected = [...new Set(last.records.map((r) => String(r.hostName)))].sort();
    expect((JSON.parse(hosts.stdout) as { host_name: string }[]).map((r) => r.host_name)).toEqual(expected);

    const meta = await runCli(['query', `SELECT value FROM fk_meta WHERE name = 'schema_version'`, '--db', db, '--format', 'json']);
    expect(JSON.parse(meta.stdout)).toEqual([{ value: String(SCHEMA_VERSION) }]);
  }, 60_000);

  it('a reader that cannot get the write lock to upgrade a store says what to run', async () => {
    const db = await writeV0Store('v0-held.duckdb');
    const reader = await holdStore(db, 'read-only');
    try {
      const query = await runCli(['query', 'SELECT count(*) FROM snapshots', '--db', db], { env: { FLEETKIT_LOCK_WAIT: '1' } });
      expect(query.status).toBe(ExitCode.storeBusy);
      expect(query.stderr).toBe(
        `fleetkit query: store is busy (held by ${process.execPath}, PID ${reader.pid}): it has store schema 0 and this fleetkit ` +
          `${VERSION} needs ${SCHEMA_VERSION}; run fleetkit load --db ${db} (it upgrades the store) when nothing else has it open\n`,
      );
    } finally {
      await reader.release();
    }
  }, 60_000);

  it('a store made by a newer fleetkit is refused by readers and writers, naming both versions', async () => {
    const db = await writeStore(join(work, 'newer'), computerRuns.slice(0, 1));
    const newer = SCHEMA_VERSION + 1;
    await withDatabase(db, async (run) => {
      await run(`UPDATE fk_meta SET value = $v WHERE name = 'schema_version'`, { v: String(newer) });
      await run(`UPDATE fk_meta SET value = '99.0.0' WHERE name = 'fleetkit_version'`);
    });
    const message =
      `the store ${db} was made by fleetkit 99.0.0 (store schema ${newer}); ` +
      `this is fleetkit ${VERSION} (store schema ${SCHEMA_VERSION}): upgrade fleetkit to read it`;
    const query = await runCli(['query', 'SELECT count(*) FROM snapshots', '--db', db]);
    expect(query.status).toBe(ExitCode.failed);
    expect(query.stderr).toBe(`fleetkit query: ${message}\n`);
    await expect(Store.open(db)).rejects.toThrow(message);
  }, 60_000);
});
