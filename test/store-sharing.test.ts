import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { generateRuns, type GeneratedRun } from '../src/sample/fleet';
import { writeSampleData } from '../src/sample/write';
import { openStore, Store } from '../src/store/store';
import { runCli, startCli, type Finished } from './helpers/cli';
import { holdStore, writeStore } from './helpers/store-holder';
import { tempDir } from './helpers/tree';

let work: string;
let db: string;
let runs: GeneratedRun[];
const countRuns = ['query', 'SELECT count(*) AS runs FROM snapshots', '--format', 'json'];
const BUSY = /^fleetkit (\w+): store is busy \(held by .+, PID (\d+)\)\n$/;

beforeAll(async () => {
  work = tempDir('store-sharing');
  runs = [...generateRuns({ computers: 6, weeks: 2, seed: 11 })];
  db = await writeStore(work, runs);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function finished(child: ReturnType<typeof startCli>): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('readers and writers share a store', () => {
  it('a query waits while another process writes, and answers once the writer lets go', async () => {
    const writer = await holdStore(db, 'read-write');
    const query = startCli([...countRuns, '--db', db], { env: { FLEETKIT_LOCK_WAIT: '60' } });
    const done = finished(query);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      expect(query.exitCode).toBeNull();
    } finally {
      await writer.release();
    }
    const result = await done;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ runs: runs.length }]);
  }, 60_000);

  it('query, chart, report and load give up after FLEETKIT_LOCK_WAIT with exit 5 and one line naming the holder', async () => {
    const writer = await holdStore(db, 'read-write');
    const env = { FLEETKIT_LOCK_WAIT: '1' };
    try {
      const results = await Promise.all([
        runCli([...countRuns, '--db', db], { env }),
        runCli(['chart', 'fleet-size', '--db', db, '--out', join(work, 'fleet-size.svg')], { env }),
        runCli(['report', '--quarter', '2025Q3', '--db', db, '--out', join(work, 'report')], { env }),
      ]);
      for (const [i, name] of ['query', 'chart', 'report'].entries()) {
        expect(results[i].status).toBe(ExitCode.storeBusy);
        const busy = BUSY.exec(results[i].stderr);
        expect(busy?.[1]).toBe(name);
        expect(Number(busy?.[2])).toBe(writer.pid);
      }
      expect(existsSync(join(work, 'fleet-size.svg'))).toBe(false);
    } finally {
      await writer.release();
    }

    const exports = join(work, 'exports');
    await writeSampleData({ outDir: exports, computers: 3, weeks: 1, seed: 5, layout: 'partitioned', format: 'json' });
    const reader = await holdStore(db, 'read-only');
    try {
      const load = await runCli(['load', exports, '--db', db, '--quiet'], { env });
      expect(load.status).toBe(ExitCode.storeBusy);
      const busy = BUSY.exec(load.stderr);
      expect(busy?.[1]).toBe('load');
      expect(Number(busy?.[2])).toBe(reader.pid);
    } finally {
      await reader.release();
    }
  }, 60_000);

  it('two readers at once both answer, also while a third process reads', async () => {
    const reader = await holdStore(db, 'read-only');
    try {
      const results = await Promise.all([runCli([...countRuns, '--db', db]), runCli([...countRuns, '--db', db])]);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual([{ runs: runs.length }]);
      }
    } finally {
      await reader.release();
    }
  }, 60_000);

  it('a store a notebook keeps between cells does not keep a writer out, and waits for one', async () => {
    const store = await openStore(db);
    expect((await store.query('SELECT count(*) AS runs FROM snapshots')).rows).toEqual([{ runs: runs.length }]);
    const writer = await holdStore(db, 'read-write');
    const wait = process.env.FLEETKIT_LOCK_WAIT;
    process.env.FLEETKIT_LOCK_WAIT = '0.5';
    try {
      await expect(store.named('fleet-size')).rejects.toMatchObject({ exitCode: ExitCode.storeBusy, message: `store is busy (held by ${process.execPath}, PID ${writer.pid})` });
    } finally {
      if (wait === undefined) delete process.env.FLEETKIT_LOCK_WAIT;
      else process.env.FLEETKIT_LOCK_WAIT = wait;
      await writer.release();
    }
    expect((await store.query('SELECT count(*) AS runs FROM snapshots')).rows).toEqual([{ runs: runs.length }]);
    store.close();
  }, 60_000);

  it('a reader never creates a store: a mistyped path is "no store at …"', async () => {
    const typo = join(work, 'typo.duckdb');
    await expect(openStore(typo)).rejects.toThrow(`no store at ${typo}`);
    await expect(Store.openReadOnly(typo)).rejects.toThrow(`no store at ${typo}`);
    const query = await runCli([...countRuns, '--db', typo]);
    expect(query.status).toBe(ExitCode.usage);
    expect(query.stderr).toBe(`fleetkit query: no store at ${typo} (run fleetkit load first, or give --db)\n`);
    expect(existsSync(typo)).toBe(false);
  }, 30_000);
});
