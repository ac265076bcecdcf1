import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store';
import { tempDir } from './helpers/tree';

let mountPoint: string;

beforeAll(() => {
  mountPoint = tempDir('full-disk');
  // A real full disk: a 2 MB tmpfs (the tests run as root).
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
});

afterAll(() => {
  execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a transaction that cannot commit', () => {
  it('reports the full disk, not the failed rollback after it, and keeps none of its rows', async () => {
    const store = await Store.open(join(mountPoint, 'fleet.duckdb'));
    try {
      const before = (await store.query('SELECT count(*) AS n FROM fk_meta')).rows;
      // ~6 MB of rows, held in memory until COMMIT writes them to the write-ahead log.
      const fill = store.transaction(() => store.run(`INSERT INTO fk_meta SELECT 'fill-' || i, repeat('x', 2000) FROM range(3000) t(i)`));
      await expect(fill).rejects.toThrow(/No space left on device/);
      await expect(fill).rejects.not.toThrow(/rollback/i);
      expect((await store.query('SELECT count(*) AS n FROM fk_meta')).rows).toEqual(before);
    } finally {
      store.closeSync();
    }
  });
});

describe('a commit that takes the write-ahead log past checkpoint_threshold', () => {
  it('checkpoints at once, so that neither the log nor the memory holds its rows; a smaller commit stays in the log', async () => {
    const path = join(tempDir('log-full'), 'fleet.duckdb');
    const logBytes = () => statSync(`${path}.wal`, { throwIfNoEntry: false })?.size ?? 0;
    const store = await Store.open(path);
    try {
      await store.run("SET checkpoint_threshold = '4MB'");
      const heldStrings = async () =>
        Number((await store.query("SELECT coalesce(sum(memory_usage_bytes), 0) AS n FROM duckdb_memory() WHERE tag = 'OVERFLOW_STRINGS'")).rows[0].n);
      // About 1.6 MB: under the threshold, left for a later checkpoint.
      await store.transaction(() => store.run(`INSERT INTO fk_meta SELECT 'small-' || i, repeat(md5(i::VARCHAR), 500) FROM range(100) t(i)`));
      expect(logBytes()).toBeGreaterThan(1_000_000);
      // About 8 MB: DuckDB alone would keep it in the log, and its strings in memory, until the next commit.
      await store.transaction(() => store.run(`INSERT INTO fk_meta SELECT 'large-' || i, repeat(md5(i::VARCHAR), 500) FROM range(500) t(i)`));
      expect(logBytes()).toBeLessThan(100_000);
      expect(await heldStrings()).toBeLessThan(1_000_000);
      expect((await store.query("SELECT count(*) AS n FROM fk_meta WHERE name LIKE 'large-%' OR name LIKE 'small-%'")).rows[0].n).toBe(600);
    } finally {
      store.closeSync();
    }
  });

  it("commits all the same when another writer's open transaction keeps the checkpoint off, and checkpoints later", async () => {
    const path = join(tempDir('log-full-busy'), 'fleet.duckdb');
    const logBytes = () => statSync(`${path}.wal`, { throwIfNoEntry: false })?.size ?? 0;
    const store = await Store.open(path);
    const other = await store.anotherConnection();
    try {
      await store.run("SET checkpoint_threshold = '4MB'");
      const fill = (prefix: string) =>
        store.transaction(() => store.run(`INSERT INTO fk_meta SELECT '${prefix}-' || i, repeat(md5(i::VARCHAR), 500) FROM range(500) t(i)`));
      // DuckDB refuses a checkpoint while another transaction has updated rows.
      await other.run("BEGIN TRANSACTION; UPDATE fk_meta SET value = value WHERE name = 'schema_version'");
      await fill('first');
      expect(logBytes()).toBeGreaterThan(4_000_000);
      await other.run('ROLLBACK');
      await fill('second');
      expect(logBytes()).toBeLessThan(100_000);
      expect((await store.query("SELECT count(*) AS n FROM fk_meta WHERE name LIKE 'first-%' OR name LIKE 'second-%'")).rows[0].n).toBe(1000);
    } finally {
      other.closeSync();
      store.closeSync();
    }
  });
});
