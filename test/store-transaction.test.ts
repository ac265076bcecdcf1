import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
