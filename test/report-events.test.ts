import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshots } from '../src/load/load-snapshots';
import { buildReport } from '../src/report/build-report';
import { Store } from '../src/store/store';
import { setEventRetention } from '../src/store/event-retention';
import { chunks, envelope, firehoseKey, generateEvents, writeArchiveObject } from './helpers/event-archive';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const DAY = 86_400_000;
const QUARTER_START = new Date('2026-04-01T00:00:00Z');

/** The cells of each row of the report's table `name`, as text. */
function tableRows(page: string, name: string): string[][] {
  const table = new RegExp(`<table[^>]*data-table="${name}"[^>]*>([\\s\\S]*?)</table>`).exec(page);
  if (table === null) throw new Error(`no table ${name}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => cell.replace(/<[^>]+>/g, '').trim()));
}

describe('the report’s events section', () => {
  it('counts the quarter’s events by type, malware outcomes with the computers’ state, IPS modes, the archive’s gaps and the retention', async () => {
    const root = tempDir('report-events');
    // Computers 1-6 as a run on 2 April saw them: anti-malware on for the even IDs only.
    const runAt = new Date(QUARTER_START.getTime() + DAY);
    writeKey(root, 'ws-computers/11111111-1111-4111-8111-111111111111/part-0', jsonLines(Array.from({ length: 6 }, (_, i) => ({ ID: i + 1, hostName: `host-${i + 1}`, agentVersion: '20.0.1-100', antiMalware: { state: (i + 1) % 2 === 0 ? 'on' : 'off' } }))), runAt);
    // Events from 3 April for 20 days, none on 10 April; some of the previous quarter, which the section leaves out.
    const gap = '2026-04-10';
    const events = [
      ...generateEvents({ count: 900, hosts: 6, start: new Date(QUARTER_START.getTime() + 2 * DAY), days: 20, seed: 31 }).filter((e) => !e.LogDate.startsWith(gap)),
      ...generateEvents({ count: 40, hosts: 6, start: new Date('2026-03-20T00:00:00Z'), days: 5, seed: 32 }),
    ];
    for (const [i, batch] of chunks(events, 100).entries()) {
      writeArchiveObject(root, firehoseKey('ws-events', new Date(batch[0].LogDate), i, true), batch.map((e, j) => JSON.stringify(envelope([e], `r-${i}-${j}`))).join('\n'), true);
    }
    const db = join(tempDir('report-events-db'), 'fleet.duckdb');
    await loadSnapshots({ source: root, db });
    const store = await Store.open(db);
    await setEventRetention(store, 3650);
    store.closeSync();

    const out = tempDir('report-events-out');
    await buildReport({ db, quarter: '2026Q2', outDir: out, now: new Date('2026-07-02T00:00:00Z') });
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    const inQuarter = events.filter((e) => e.LogDate >= '2026-04-01');
    const count = <T>(items: T[], key: (item: T) => string) => {
      const counts = new Map<string, T[]>();
      for (const item of items) counts.set(key(item), [...(counts.get(key(item)) ?? []), item]);
      return counts;
    };
    const labels: Record<string, string> = { PacketLog: 'Firewall', PayloadLog: 'Intrusion prevention', AntiMalwareEvent: 'Anti-malware', WebReputationEvent: 'Web reputation', IntegrityEvent: 'Integrity monitoring', LogInspectionEvent: 'Log inspection', AppControlEvent: 'Application control', SystemEvent: 'System' };
    const byType = [...count(inQuarter, (e) => e.EventType)].map(([type, of]) => [labels[type], String(of.length), String(new Set(of.map((e) => e.HostID)).size)]);
    expect(new Set(tableRows(page, 'events-by-type').map((row) => row.join('|')))).toEqual(new Set(byType.map((row) => row.join('|'))));
    expect(page).toContain(`${inQuarter.length.toLocaleString('en-US')} events recorded in the quarter`);

    const malware = inQuarter.filter((e) => e.EventType === 'AntiMalwareEvent');
    const outcomes = [...count(malware, (e) => String(e.ScanResultString))].map(([result, of]) => [
      result,
      String(of.length),
      String(new Set(of.map((e) => e.HostID)).size),
      String(of.filter((e) => Number(e.HostID) % 2 === 1).length),
    ]);
    expect(new Set(tableRows(page, 'malware-outcomes').map((row) => row.join('|')))).toEqual(new Set(outcomes.map((row) => row.join('|'))));

    const ips = inQuarter.filter((e) => e.EventType === 'PayloadLog');
    const detect = ips.filter((e) => Number(e.Action) >= 0x81).length;
    expect(tableRows(page, 'ips-modes').map((row) => row.slice(0, 2))).toEqual([
      ['Stopped (prevent)', String(ips.length - detect)],
      ['Only detected (detect-only rules)', String(detect)],
    ]);

    expect(page).toContain('The archive holds events from 20 March 2026');
    // The archive began in March, so the quarter's first two days, before the April events, are gaps too.
    expect(page).toContain('Days within it with no event (gaps in the forwarding or the archive): 1 April 2026, 2 April 2026, 10 April 2026.');
    expect(page).toContain('Retention in force: events older than 3,650 days are removed by every load');
  });
});
