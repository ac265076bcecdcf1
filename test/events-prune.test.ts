import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { openStore } from '../src/store/store';
import { runCli } from './helpers/cli';
import { chunks, envelope, firehoseKey, generateEvents, writeArchiveObject, type WsEvent } from './helpers/event-archive';
import { tempDir } from './helpers/tree';

const DAY = 86_400_000;

async function eventCount(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return Number((await store.query('SELECT count(*) AS n FROM events')).rows[0].n);
  } finally {
    store.close();
  }
}

function archive(root: string, events: WsEvent[], first: number): void {
  for (const [i, batch] of chunks(events, 50).entries()) {
    writeArchiveObject(root, firehoseKey('ws-events', new Date(batch[0].LogDate), first + i, true), batch.map((e, j) => JSON.stringify(envelope([e], `p-${first + i}-${j}`))).join('\n'), true);
  }
}

describe('pruning events', () => {
  it('removes the events recorded before a day, says how many, and a later load does not bring them back', async () => {
    const root = tempDir('prune');
    const events = generateEvents({ count: 600, hosts: 5, start: new Date('2026-01-01T00:00:00Z'), days: 20, seed: 21 });
    archive(root, events, 0);
    const db = join(tempDir('prune-db'), 'fleet.duckdb');
    expect((await runCli(['load', root, '--db', db])).status).toBe(0);

    const older = events.filter((e) => e.LogDate < '2026-01-11').length;
    const pruned = await runCli(['prune', '--events-before', '2026-01-11', '--db', db]);
    expect(pruned.status).toBe(0);
    expect(pruned.stdout).toContain(`removed ${older} events recorded before 2026-01-11T00:00:00.000Z; ${events.length - older} remain, the earliest recorded 2026-01-11`);
    expect(pruned.stdout).toContain('events are kept until pruned');
    expect(await eventCount(db)).toBe(events.length - older);

    const again = await runCli(['load', root, '--db', db]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 events added');
    expect(await eventCount(db)).toBe(events.length - older);
  });

  it('keeps a number of days from now on: removes older events now and at every load, and can be ended', async () => {
    const root = tempDir('retention');
    // Events at noon of each of the last 20 days, so that none sits near the cut however long the test takes.
    const now = Date.now();
    const dayStart = now - (now % DAY);
    const events = generateEvents({ count: 400, hosts: 4, start: new Date(0), days: 1, seed: 22 }).map((e, i) => ({
      ...e,
      LogDate: new Date(dayStart - (i % 20) * DAY - DAY / 2).toISOString(),
    }));
    archive(root, events, 0);
    const db = join(tempDir('retention-db'), 'fleet.duckdb');
    expect((await runCli(['load', root, '--db', db])).status).toBe(0);

    const kept = (days: number) => events.filter((e) => Date.parse(e.LogDate) >= now - days * DAY).length;
    const set = await runCli(['prune', '--keep-events-days', '10', '--db', db]);
    expect(set.status).toBe(0);
    expect(set.stdout).toContain(`removed ${events.length - kept(10)} events recorded before`);
    expect(set.stdout).toContain('every load removes events older than 10 days');
    expect(await eventCount(db)).toBe(kept(10));

    // A new object with old events: the load adds them and removes them again, and says so.
    const late = generateEvents({ count: 30, hosts: 4, start: new Date(dayStart - 15 * DAY), days: 1, seed: 23 });
    archive(root, late, 100);
    const loaded = await runCli(['load', root, '--db', db]);
    expect(loaded.status).toBe(0);
    expect(loaded.stdout).toContain('30 events added; 30 older than the 10-day retention removed');
    expect(await eventCount(db)).toBe(kept(10));

    const ended = await runCli(['prune', '--keep-all-events', '--db', db]);
    expect(ended.stdout).toContain('removed no events');
    expect(ended.stdout).toContain('events are kept until pruned');
  });

  it('refuses a day it cannot read, two choices at once, and a store that does not exist', async () => {
    const db = join(tempDir('prune-usage'), 'fleet.duckdb');
    const badDay = await runCli(['prune', '--events-before', '2026-02-30', '--db', db]);
    expect(badDay.status).toBe(ExitCode.usage);
    const both = await runCli(['prune', '--events-before', '2026-01-01', '--keep-events-days', '5', '--db', db]);
    expect(both.status).toBe(ExitCode.usage);
    expect(both.stderr).toContain('prune takes one of --events-before, --keep-events-days and --keep-all-events');
    const missing = await runCli(['prune', '--events-before', '2026-01-01', '--db', db]);
    expect(missing.status).toBe(ExitCode.usage);
    expect(missing.stderr).toContain(`no store at ${db}`);
  });
});
