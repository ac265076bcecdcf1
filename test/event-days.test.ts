import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneEventsBefore } from '../src/store/event-retention';
import { Store } from '../src/store/store';
import { runCli } from './helpers/cli';
import { chunks, envelope, eventKey, firehoseKey, generateEvents, writeArchiveObject, type WsEvent } from './helpers/event-archive';
import { tempDir } from './helpers/tree';

// The counting questions read the counts by day a load keeps, not the events: these tests hold them to the events
// the store holds after late arrivals, repeated deliveries, a cut through a day and a store that never kept them.

function archive(root: string, events: WsEvent[], first: number): void {
  for (const [i, batch] of chunks(events, 40).entries()) {
    const key = firehoseKey('ws-events', new Date(Date.parse('2026-02-01T00:00:00Z') + (first + i) * 60_000), first + i, true);
    writeArchiveObject(root, key, batch.map((e, j) => JSON.stringify(envelope([e], `m-${first + i}-${j}`))).join('\n'), true);
  }
}

function distinct(events: WsEvent[]): WsEvent[] {
  return [...new Map(events.map((e) => [eventKey(e), e])).values()];
}

/** (day, type) → [events, computers], computed from the generated events. */
function byDayAndType(events: WsEvent[]): Map<string, [number, number]> {
  const groups = new Map<string, WsEvent[]>();
  for (const e of events) {
    const key = `${e.LogDate.slice(0, 10)}|${e.EventType}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return new Map([...groups].map(([key, group]) => [key, [group.length, new Set(group.map((e) => e.HostID)).size]]));
}

async function trendByDay(store: Store): Promise<Map<string, [number, number]>> {
  const rows = (await store.named('event-trend', { grain: 'day' })).rows;
  return new Map(rows.map((r) => [`${(r.period_start as Date).toISOString().slice(0, 10)}|${String(r.event_type)}`, [Number(r.events), Number(r.computers)]]));
}

async function expectCountsOf(store: Store, events: WsEvent[]): Promise<void> {
  expect(await trendByDay(store)).toEqual(byDayAndType(events));

  const days = new Map<string, number>();
  for (const e of events) days.set(e.LogDate.slice(0, 10), (days.get(e.LogDate.slice(0, 10)) ?? 0) + 1);
  const archiveDays = (await store.named('event-archive-days')).rows.filter((r) => r.gap === false);
  expect(new Map(archiveDays.map((r) => [(r.day as Date).toISOString().slice(0, 10), Number(r.events)]))).toEqual(days);

  const perHost = new Map<number, number>();
  for (const e of events) perHost.set(Number(e.HostID), (perHost.get(Number(e.HostID)) ?? 0) + 1);
  const hostWeeks = (await store.named('event-host-weeks', { top: 100 })).rows;
  expect(new Map(hostWeeks.map((r) => [Number(r.host_id), Number(r.period_events)]))).toEqual(perHost);
}

describe('event counts by day', () => {
  it('stay those of the events held, through late arrivals, redeliveries, a cut through a day and a store that never kept them', async () => {
    const root = tempDir('event-days');
    const db = join(tempDir('event-days-db'), 'fleet.duckdb');
    const first = generateEvents({ count: 900, hosts: 7, start: new Date('2026-01-01T00:00:00Z'), days: 10, seed: 41 });
    archive(root, first, 0);
    expect((await runCli(['load', root, '--db', db])).status).toBe(0);

    // A second load: events of days the first already counted, and a third of the first load's events again.
    const late = generateEvents({ count: 300, hosts: 9, start: new Date('2026-01-03T00:00:00Z'), days: 3, seed: 42 });
    archive(root, [...late, ...first.filter((_, i) => i % 3 === 0)], 100);
    expect((await runCli(['load', root, '--db', db])).status).toBe(0);
    let held = distinct([...first, ...late]);

    const store = await Store.open(db);
    try {
      await expectCountsOf(store, held);

      const cut = new Date('2026-01-05T13:30:00Z');
      const removed = await pruneEventsBefore(store, cut);
      expect(removed).toBe(held.filter((e) => Date.parse(e.LogDate) < cut.getTime()).length);
      held = held.filter((e) => Date.parse(e.LogDate) >= cut.getTime());
      await expectCountsOf(store, held);

      // As a store written before the counts were kept: its schema installs again when next opened for writing.
      await store.run(`DELETE FROM fk_event_days; UPDATE fk_meta SET value = 'older' WHERE name = 'installed_digest'`);
    } finally {
      store.closeSync();
    }
    const reopened = await Store.open(db);
    try {
      await expectCountsOf(reopened, held);
    } finally {
      reopened.closeSync();
    }
  });
});
