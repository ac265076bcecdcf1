import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store';
import { runCli } from './helpers/cli';
import { chunks, envelope, firehoseKey, generateEvents, writeArchiveObject } from './helpers/event-archive';
import { tempDir } from './helpers/tree';

describe('the store file', () => {
  it('holds no free space after loads: the row groups each load leaves partly filled are not rewritten', async () => {
    const root = tempDir('space');
    const db = join(tempDir('space-db'), 'fleet.duckdb');
    const events = generateEvents({ count: 45_000, hosts: 40, start: new Date('2026-05-01T00:00:00Z'), days: 6, seed: 51 });
    // Three days' loads, each of the archive objects that arrived since the last.
    for (const [day, share] of chunks(events, 15_000).entries()) {
      for (const [i, batch] of chunks(share, 500).entries()) {
        const n = day * 100 + i;
        const key = firehoseKey('ws-events', new Date(Date.parse('2026-05-01T00:00:00Z') + n * 60_000), n, true);
        writeArchiveObject(root, key, batch.map((e, j) => JSON.stringify(envelope([e], `s-${n}-${j}`))).join('\n'), true);
      }
      const load = await runCli(['load', root, '--db', db, '--quiet']);
      expect(load.stderr).toBe('');
      expect(load.status).toBe(0);
    }

    const store = await openStore(db);
    try {
      const [{ added }] = (await store.query('SELECT count(*) AS added FROM fk_events')).rows;
      expect(Number(added)).toBe(events.length);
      const [{ free }] = (await store.query('SELECT free_blocks AS free FROM pragma_database_size()')).rows;
      expect(Number(free)).toBe(0);
    } finally {
      store.close();
    }
  });
});
