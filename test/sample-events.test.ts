import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadSnapshots } from '../src/load/load-snapshots';
import { SAMPLE_DATA_DIR } from '../src/sample/committed';
import { openStore } from '../src/store/store';
import { tempDir } from './helpers/tree';

const STREAMS = ['ws-events', 'ws-system-events'];

/** Every event of the committed archive as its files hold it, read here without fleetkit: line by line, unwrapped. */
function archivedEvents(): { key: string; events: Record<string, unknown>[] }[] {
  const objects: { key: string; events: Record<string, unknown>[] }[] = [];
  for (const stream of STREAMS) {
    for (const entry of readdirSync(join(SAMPLE_DATA_DIR, stream), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      const text = (entry.name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      const events = text
        .split('\n')
        .filter((line) => line !== '')
        .flatMap((line) => {
          const value = JSON.parse(line);
          return typeof value.Message === 'string' ? JSON.parse(value.Message) : value;
        });
      objects.push({ key: relative(SAMPLE_DATA_DIR, path).split('\\').join('/'), events });
    }
  }
  return objects;
}

describe('the bundled event archive', () => {
  const objects = archivedEvents();
  const all = objects.flatMap((o) => o.events);
  const distinct = new Map(all.map((e) => [String(e.UniqueID), e]));

  it('holds both Firehose forms, a realistic mix, deliveries twice and late arrivals', () => {
    expect(objects.some((o) => o.key.startsWith('ws-events/') && o.key.endsWith('.gz'))).toBe(true);
    expect(objects.some((o) => o.key.startsWith('ws-system-events/') && !o.key.endsWith('.gz'))).toBe(true);
    expect(all.length).toBeGreaterThan(distinct.size);
    const byType = new Map<string, number>();
    for (const e of distinct.values()) byType.set(String(e.EventType), (byType.get(String(e.EventType)) ?? 0) + 1);
    const ranked = [...byType].sort((a, b) => b[1] - a[1]).map(([type]) => type);
    expect(ranked.slice(0, 2)).toEqual(['PacketLog', 'PayloadLog']);
    expect(byType.size).toBe(8);
    // An object sits in the hour it arrived; a late event's LogDate is a day or more before that hour.
    const late = objects.flatMap((o) => {
      const hour = Date.parse(o.key.split('/').slice(1, 5).join('-').replace(/-(\d\d)$/, 'T$1:00:00Z'));
      return o.events.filter((e) => hour - Date.parse(String(e.LogDate)) > 86_400_000);
    });
    expect(late.length).toBeGreaterThan(0);
  });

  it('loads every event once, on the day of its LogDate', async () => {
    const root = tempDir('sample-events');
    for (const stream of STREAMS) cpSync(join(SAMPLE_DATA_DIR, stream), join(root, stream), { recursive: true });
    const db = join(tempDir('sample-events-db'), 'fleet.duckdb');
    const loaded = await loadSnapshots({ source: root, db });
    expect(loaded.failures).toEqual([]);
    expect(loaded.streams).toMatchObject({ objectsLoaded: objects.length, delivered: all.length, added: distinct.size });
    const expected = new Map<string, number>();
    for (const e of distinct.values()) {
      const group = `${e.EventType}|${String(e.LogDate).slice(0, 10)}`;
      expected.set(group, (expected.get(group) ?? 0) + 1);
    }
    const store = await openStore(db);
    try {
      const counted = await store.query(`SELECT event_type, strftime(log_date AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, count(*) AS n FROM events GROUP BY ALL`);
      expect(new Map(counted.rows.map((r) => [`${r.event_type}|${r.day}`, Number(r.n)]))).toEqual(expected);
    } finally {
      store.close();
    }
  });
});
