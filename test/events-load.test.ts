import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshots } from '../src/load/load-snapshots';
import { openStore, Store } from '../src/store/store';
import { chunks, countsByTypeAndDay, envelope, eventKey, firehoseKey, generateEvents, writeArchiveObject, type WsEvent } from './helpers/event-archive';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const START = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

async function rows(db: string, sql: string, params: Record<string, string> = {}) {
  const store = await openStore(db);
  try {
    return (await store.query(sql, params)).rows;
  } finally {
    store.close();
  }
}

async function storedCounts(db: string): Promise<Map<string, number>> {
  const counted = await rows(db, `SELECT event_type, strftime(log_date AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, count(*) AS n FROM events GROUP BY ALL`);
  return new Map(counted.map((row) => [`${row.event_type}|${row.day}`, Number(row.n)]));
}

/**
 * An archive in every form Event Forwarding archives take, its events spread over them: Firehose objects of SNS envelopes (GZIP),
 * of bare arrays per line, of arrays concatenated with no newline; Lambda one-event-per-object files keyed by host;
 * an old manager's single-object message; a Lambda invocation's Records. A share of messages is delivered twice,
 * in a second object, and some events arrive two days after their LogDate.
 */
function writeArchive(root: string, events: WsEvent[]): { objects: number; delivered: number } {
  let objects = 0;
  let delivered = 0;
  const [envelopes, arrays, concatenated, lambda, rest] = [
    events.slice(0, Math.floor(events.length * 0.5)),
    events.slice(Math.floor(events.length * 0.5), Math.floor(events.length * 0.7)),
    events.slice(Math.floor(events.length * 0.7), Math.floor(events.length * 0.85)),
    events.slice(Math.floor(events.length * 0.85), Math.floor(events.length * 0.95)),
    events.slice(Math.floor(events.length * 0.95)),
  ];
  const arrival = (batch: WsEvent[], i: number) => new Date(new Date(batch[0].LogDate).getTime() + (i % 7 === 0 ? 2 * DAY : 60_000));
  const messages = chunks(envelopes, 4);
  for (const [i, objectMessages] of chunks(messages, 5).entries()) {
    const lines = objectMessages.map((message, j) => JSON.stringify(envelope(message, `m-${i}-${j}`)));
    // Firehose retried: the first message of every third object is delivered again in the next one.
    if (i % 3 === 1) lines.push(JSON.stringify(envelope(chunks(messages, 5)[i - 1][0], `m-${i - 1}-0`)));
    delivered += objectMessages.flat().length + (i % 3 === 1 ? chunks(messages, 5)[i - 1][0].length : 0);
    writeArchiveObject(root, firehoseKey('ws-events', arrival(objectMessages[0], i), i, true), lines.join('\n') + '\n', true);
    objects++;
  }
  for (const [i, batch] of chunks(arrays, 10).entries()) {
    writeArchiveObject(root, firehoseKey('raw-events', arrival(batch, i), 1000 + i, false), chunks(batch, 3).map((a) => JSON.stringify(a)).join('\n') + '\n', false);
    delivered += batch.length;
    objects++;
  }
  for (const [i, batch] of chunks(concatenated, 10).entries()) {
    writeArchiveObject(root, firehoseKey('raw-events', arrival(batch, i), 2000 + i, false), chunks(batch, 3).map((a) => JSON.stringify(a)).join(''), false);
    delivered += batch.length;
    objects++;
  }
  for (const [i, event] of lambda.entries()) {
    writeKey(root, `lambda-archive/${event.Hostname}/${Date.parse(event.LogDate)}-${i}.txt`, JSON.stringify(envelope(event, `l-${i}`)));
    delivered++;
    objects++;
  }
  const [single, ...invoked] = rest;
  writeKey(root, 'old-manager/2026/03/02/07/event-0.json', JSON.stringify(single) + '\n');
  writeKey(root, 'lambda-invocations/2026/03/02/07/invocation-0.json', JSON.stringify({ Records: invoked.map((event, i) => ({ EventSource: 'aws:sns', Sns: { Type: 'Notification', MessageId: `r-${i}`, SigningCertUrl: 'https://sns', Message: JSON.stringify([event]) } })) }));
  delivered += rest.length;
  objects += 2;
  return { objects, delivered };
}

describe('loading security and system events', () => {
  it('loads every archive form, each event once by its LogDate day, and a second load reads nothing', async () => {
    const root = tempDir('events');
    const events = generateEvents({ count: 1200, hosts: 20, start: START, days: 10 });
    const written = writeArchive(root, events);
    const db = join(tempDir('events-db'), 'fleet.duckdb');

    const first = await loadSnapshots({ source: root, db });
    expect(first.failures).toEqual([]);
    expect(first.streams).toMatchObject({ objectsLoaded: written.objects, objectsFailed: 0, delivered: written.delivered, added: events.length });
    expect(first.runsListed).toBe(0);
    expect(await storedCounts(db)).toEqual(countsByTypeAndDay(events));

    const again = await loadSnapshots({ source: root, db });
    expect(again.streams).toMatchObject({ objectsLoaded: 0, objectsUnchanged: written.objects, added: 0 });
    expect(await storedCounts(db)).toEqual(countsByTypeAndDay(events));
  });

  it('reads large objects straight from their files and small ones gathered first, to the same events', async () => {
    const events = generateEvents({ count: 3000, hosts: 30, start: START, days: 6 });
    // Six objects of 500 events hold hundreds of KB of text each, well over what is gathered first; the same events
    // one envelope an object hold well under it.
    const large = tempDir('events-large');
    for (const [i, batch] of chunks(events, 500).entries()) {
      writeArchiveObject(large, firehoseKey('ws-events', new Date(START.getTime() + i * DAY), i, true), chunks(batch, 50).map((m, j) => JSON.stringify(envelope(m, `big-${i}-${j}`))).join('\n') + '\n', true);
    }
    const small = tempDir('events-small');
    for (const [i, batch] of chunks(events, 5).entries()) {
      writeArchiveObject(small, firehoseKey('ws-events', new Date(START.getTime() + (i % 6) * DAY), i, true), JSON.stringify(envelope(batch, `small-${i}`)) + '\n', true);
    }
    for (const [root, objects] of [[large, 6], [small, 600]] as const) {
      const db = join(tempDir('events-db'), 'fleet.duckdb');
      const loaded = await loadSnapshots({ source: root, db });
      expect(loaded.streams, root).toMatchObject({ objectsLoaded: objects, objectsFailed: 0, delivered: events.length, added: events.length });
      expect(await storedCounts(db)).toEqual(countsByTypeAndDay(events));
      const stored = await rows(db, `SELECT unique_id, host_id FROM events ORDER BY unique_id`);
      expect(stored.map((row) => `${row.unique_id}|${row.host_id}`)).toEqual(events.map((event) => `${event.UniqueID}|${event.HostID}`).sort());
    }
  });

  it('answers event-trend and event-archive-days from each event once, with the days the archive lacks as gaps', async () => {
    const root = tempDir('events-trend');
    const gapDay = '2026-03-04';
    const events = generateEvents({ count: 500, hosts: 8, start: START, days: 7, seed: 5 }).filter((e) => !e.LogDate.startsWith(gapDay));
    for (const [i, batch] of chunks(events, 50).entries()) {
      const lines = chunks(batch, 5).map((m, j) => JSON.stringify(envelope(m, `t-${i}-${j}`)));
      writeArchiveObject(root, firehoseKey('ws-events', new Date(batch[0].LogDate), i, true), [...lines, lines[0]].join('\n'), true);
    }
    const db = join(tempDir('events-trend-db'), 'fleet.duckdb');
    await loadSnapshots({ source: root, db });
    const store = await openStore(db);
    try {
      const daily = (await store.named('event-trend', { grain: 'day' })).rows;
      expect(new Map(daily.map((r) => [`${r.event_type}|${(r.period_start as Date).toISOString().slice(0, 10)}`, Number(r.events)]))).toEqual(countsByTypeAndDay(events));
      const hostsOf = (type: string) => new Set(events.filter((e) => e.EventType === type).map((e) => e.HostID)).size;
      const monthly = (await store.named('event-trend', { grain: 'month', from: '2026-03-01', to: '2026-03-31' })).rows;
      expect(monthly.map((r) => [r.event_type, Number(r.events), Number(r.computers)])).toEqual(
        [...new Set(events.map((e) => e.EventType))].sort().map((type) => [type, events.filter((e) => e.EventType === type).length, hostsOf(type)]),
      );
      const firstDays = (await store.named('event-trend', { grain: 'day', to: '2026-03-01' })).rows;
      expect(firstDays.reduce((n, r) => n + Number(r.events), 0)).toBe(events.filter((e) => e.LogDate.startsWith('2026-03-01')).length);
      const days = (await store.named('event-archive-days')).rows;
      expect(days.map((r) => (r.day as Date).toISOString().slice(0, 10))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
      expect(days.filter((r) => r.gap).map((r) => (r.day as Date).toISOString().slice(0, 10))).toEqual([gapDay]);
      expect(days.reduce((n, r) => n + Number(r.events), 0)).toBe(events.length);
      await expect(store.named('event-trend', { grain: 'year' })).rejects.toThrow('grain must be day, week or month, not year');
    } finally {
      store.close();
    }
  });

  it('ranks rules, computers, malware and sources, lists detections with the computer as a run saw it, and counts IPS modes and audit events', async () => {
    const root = tempDir('events-questions');
    const events = generateEvents({ count: 1500, hosts: 12, start: START, days: 14, seed: 8 });
    // Computers 1-12 as a run on day 7 saw them: anti-malware on for even IDs, off for odd ones.
    const runAt = new Date(START.getTime() + 7 * DAY);
    const computers = Array.from({ length: 12 }, (_, i) => ({ ID: i + 1, hostName: `host-${i + 1}`, agentVersion: '20.0.1-100', antiMalware: { state: (i + 1) % 2 === 0 ? 'on' : 'off' } }));
    writeKey(root, 'ws-computers/11111111-1111-4111-8111-111111111111/part-0', jsonLines(computers), runAt);
    for (const [i, batch] of chunks(events, 100).entries()) {
      writeArchiveObject(root, firehoseKey('ws-events', new Date(batch[0].LogDate), i, true), chunks(batch, 4).map((m, j) => JSON.stringify(envelope(m, `q-${i}-${j}`))).join('\n'), true);
    }
    const db = join(tempDir('events-questions-db'), 'fleet.duckdb');
    await loadSnapshots({ source: root, db });
    const tally = (values: (string | undefined)[]) => {
      const counts = new Map<string, number>();
      for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    };
    const field = (e: WsEvent, name: string) => (e[name] === undefined ? undefined : String(e[name]));
    const scanTypes = ['Real-Time', 'Manual', 'Scheduled', 'Quick Scan'];
    const expectListings = async (reader: { named(name: string): Promise<{ rows: Record<string, unknown>[] }> }) => {
      const malware = events.filter((e) => e.EventType === 'AntiMalwareEvent');
      const detections = (await reader.named('malware-detections')).rows;
      expect(detections).toHaveLength(malware.length);
      const stateThen = (e: WsEvent) => (Date.parse(e.LogDate) < runAt.getTime() ? null : Number(e.HostID) % 2 === 0 ? 'on' : 'off');
      const expected = malware
        .map((e) => [e.LogDate, Number(e.HostID), e.MalwareName, e.MalwareType, e.InfectedFilePath, scanTypes[Number(e.ScanType)], e.ScanResultString, stateThen(e)])
        .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
      expect(detections.map((r) => [(r.log_date as Date).toISOString(), Number(r.host_id), r.malware_name, r.malware_type, r.infected_file_path, r.scan_type, r.scan_result, r.anti_malware_state_then])).toEqual(expected);

      // The generator's system events are all offline, back online or sign-in events, each an audit event.
      const audit = (await reader.named('audit-system-events')).rows;
      expect(audit.map((r) => [Number(r.number), r.action_by, r.target_type])).toEqual(
        events.filter((e) => e.EventType === 'SystemEvent').sort((a, b) => (a.LogDate < b.LogDate ? -1 : a.LogDate > b.LogDate ? 1 : 0)).map((e) => [Number(e.Number), e.ActionBy, e.TargetType]),
      );
      expect(new Set(audit.map((r) => r.category))).toEqual(new Set(['agent connectivity', 'access']));
    };
    const store = await openStore(db);
    try {
      const top = async (params: Record<string, string>) => (await store.named('event-top', params)).rows.map((r) => [r.subject, Number(r.events)]);
      const rules = tally(events.map((e) => (e.EventType === 'LogInspectionEvent' ? field(e, 'OSSEC_Description') : ['PacketLog', 'PayloadLog', 'IntegrityEvent'].includes(e.EventType) ? field(e, 'Reason') : undefined)));
      expect(await top({ by: 'rule', top: '3' })).toEqual(rules.slice(0, 3));
      expect(await top({ by: 'host', top: '100' })).toEqual(tally(events.map((e) => field(e, 'Hostname'))));
      expect(await top({ by: 'malware' })).toEqual(tally(events.filter((e) => e.EventType === 'AntiMalwareEvent').map((e) => field(e, 'MalwareName'))).slice(0, 10));
      expect(await top({ by: 'source_ip', top: '5' })).toEqual(tally(events.filter((e) => ['PacketLog', 'PayloadLog'].includes(e.EventType)).map((e) => field(e, 'SourceIP'))).slice(0, 5));
      await expect(store.named('event-top', { by: 'user' })).rejects.toThrow('by must be rule, host, malware or source_ip, not user');

      const hostTotals = new Map(tally(events.map((e) => field(e, 'Hostname'))));
      const hostWeeks = (await store.named('event-host-weeks', { top: '3' })).rows;
      const shown = [...new Set(hostWeeks.map((r) => String(r.host_name)))];
      expect(shown.map((host) => hostTotals.get(host))).toEqual([...hostTotals.values()].sort((a, b) => b - a).slice(0, 3));
      for (const host of shown) {
        const rows = hostWeeks.filter((r) => r.host_name === host);
        expect(rows.reduce((n, r) => n + Number(r.events), 0), host).toBe(hostTotals.get(host));
        expect(rows.every((r) => Number(r.period_events) === hostTotals.get(host) && (r.week_start as Date).getUTCDay() === 1)).toBe(true);
      }

      await expectListings(store);

      const ips = events.filter((e) => e.EventType === 'PayloadLog');
      const modes = (await store.named('intrusion-prevention-actions')).rows;
      const detectOnly = (e: WsEvent) => Number(e.Action) >= 0x81;
      expect(modes.filter((r) => r.mode === 'detect').reduce((n, r) => n + Number(r.events), 0)).toBe(ips.filter(detectOnly).length);
      expect(modes.filter((r) => r.mode === 'prevent').reduce((n, r) => n + Number(r.events), 0)).toBe(ips.filter((e) => !detectOnly(e)).length);
      expect(modes.every((r) => (r.week_start as Date).getUTCDay() === 1)).toBe(true);
    } finally {
      store.close();
    }

    // As a store of schema 2, whose events typed none of the listed fields: the next writer types them from the records.
    const older = await Store.open(db);
    try {
      await older.run(`UPDATE fk_events SET number = NULL, title = NULL, action_by = NULL, target_type = NULL, target_name = NULL, malware_type = NULL, infected_file_path = NULL, scan_type = NULL;
        UPDATE fk_meta SET value = '2' WHERE name = 'schema_version'; UPDATE fk_meta SET value = 'older' WHERE name = 'installed_digest'`);
    } finally {
      older.closeSync();
    }
    (await Store.open(db)).closeSync();
    const upgraded = await openStore(db);
    try {
      await expectListings(upgraded);
    } finally {
      upgraded.close();
    }
  });

  it('never doubles an event delivered again, in another object or a rewritten one, and keys events without a UniqueID', async () => {
    const root = tempDir('events-dup');
    const events = generateEvents({ count: 60, hosts: 3, start: START, days: 2, withoutId: (i) => i % 5 === 0 });
    writeArchiveObject(root, firehoseKey('ws-events', START, 1, true), events.map((e, i) => JSON.stringify(envelope([e], `a-${i}`))).join('\n') + '\n', true);
    writeArchiveObject(root, firehoseKey('ws-events', new Date(START.getTime() + 3_600_000), 2, true), events.slice(0, 30).map((e, i) => JSON.stringify(envelope([e], `b-${i}`))).join('\n'), true);
    const db = join(tempDir('events-dup-db'), 'fleet.duckdb');
    const loaded = await loadSnapshots({ source: root, db });
    expect(loaded.streams).toMatchObject({ delivered: 90, added: 60 });
    expect((await rows(db, 'SELECT count(*) AS n, count(unique_id) AS with_id FROM events'))[0]).toEqual({ n: 60, with_id: 48 });

    // The same object rewritten (a new ETag) with an event more: only that one is new.
    const extra = generateEvents({ count: 1, hosts: 3, start: START, days: 1, seed: 99 });
    const rewritten = join(root, firehoseKey('ws-events', START, 1, true));
    writeArchiveObject(root, firehoseKey('ws-events', START, 1, true), [...events, ...extra].map((e, i) => JSON.stringify(envelope([e], `a-${i}`))).join('\n'), true);
    utimesSync(rewritten, new Date(), new Date(Date.now() + 5000));
    const reloaded = await loadSnapshots({ source: root, db });
    expect(reloaded.streams).toMatchObject({ objectsLoaded: 1, objectsUnchanged: 1, delivered: 61, added: 1 });
    expect((await rows(db, 'SELECT count(*) AS n FROM events'))[0]!.n).toBe(61);
    expect((await rows(db, 'SELECT count(*) AS n FROM fk_stream_objects'))[0]!.n).toBe(2);
    expect(new Set(events.map(eventKey)).size).toBe(60);
  });

  it('decodes actions, severities and system event names, and types each kind of event in its own view', async () => {
    const root = tempDir('events-typed');
    const base = { LogDate: '2026-03-14T07:00:00.000Z', TenantID: 1, HostID: 5, Hostname: 'web-1', HostSecurityPolicyID: 2, HostSecurityPolicyName: 'Web' };
    const events: WsEvent[] = [
      { ...base, EventType: 'PacketLog', UniqueID: 'f1', Action: 0x81, Direction: 1, Protocol: 17, SourcePort: 53, RepeatCount: 3 },
      { ...base, EventType: 'PayloadLog', UniqueID: 'i1', Action: 2, Severity: 4, Reason: '1008795 - Log4j' },
      { ...base, EventType: 'PayloadLog', UniqueID: 'i2', Action: '0x82', Severity: '1', Reason: '1008795 - Log4j' },
      { ...base, EventType: 'SystemEvent', UniqueID: 's1', Number: 730, Severity: 3, ActionBy: 'System' },
      { ...base, EventType: 'LogInspectionEvent', UniqueID: 'l1', OSSEC_Level: 12 },
      { ...base, EventType: 'LogInspectionEvent', UniqueID: 'l2', OSSEC_Level: '3' },
      { ...base, EventType: 'IntegrityEvent', UniqueID: 'm1', Change: 4, Severity: 2 },
      { ...base, EventType: 'AntiMalwareEvent', UniqueID: 'a1', ScanType: 0, ScanResultString: 'Quarantined', MalwareName: 'Eicar' },
      { ...base, EventType: 'WebReputationEvent', UniqueID: 'w1', Risk: 4, URL: 'http://bad/' },
      { ...base, EventType: 'AppControlEvent', UniqueID: 'c1', Action: 'Execution of Unrecognized Software Blocked' },
      { ...base, EventType: 'DeviceControlEvent', UniqueID: 'd1', Vendor: 'USB' },
      // LogDate as epoch milliseconds, as some captures write it.
      { ...base, EventType: 'SystemEvent', UniqueID: 's2', LogDate: 1773472800123 as unknown as string, Number: 99999, Title: 'A new kind', Severity: 1 },
    ];
    writeArchiveObject(root, firehoseKey('ws-events', new Date(base.LogDate), 1, false), JSON.stringify(envelope(events, 'x')) + '\n', false);
    const db = join(tempDir('events-typed-db'), 'fleet.duckdb');
    expect((await loadSnapshots({ source: root, db })).streams.added).toBe(events.length);

    const common = await rows(db, 'SELECT unique_id, severity, action, host_id, policy_id, policy_name, tenant_id FROM events ORDER BY unique_id');
    expect(Object.fromEntries(common.map((r) => [r.unique_id, [r.severity, r.action]]))).toEqual({
      a1: ['high', 'Quarantined'],
      c1: [null, 'Execution of Unrecognized Software Blocked'],
      d1: [null, null],
      f1: [null, 'Detect Only: Deny'],
      i1: ['critical', 'Reset'],
      i2: ['low', 'Detect Only: Reset'],
      l1: ['critical', null],
      l2: ['low', null],
      m1: ['medium', null],
      s1: ['high', null],
      s2: ['low', null],
      w1: ['critical', null],
    });
    expect(common.every((r) => r.host_id === 5 && r.policy_id === 2 && r.policy_name === 'Web' && r.tenant_id === 1)).toBe(true);
    expect(await rows(db, 'SELECT direction, protocol, source_port, repeat_count FROM firewall_events')).toEqual([{ direction: 'Outgoing', protocol: 'UDP', source_port: 53, repeat_count: 3 }]);
    expect(await rows(db, 'SELECT unique_id, detect_only, rule_name FROM intrusion_prevention_events ORDER BY 1')).toEqual([
      { unique_id: 'i1', detect_only: false, rule_name: '1008795 - Log4j' },
      { unique_id: 'i2', detect_only: true, rule_name: '1008795 - Log4j' },
    ]);
    expect(await rows(db, 'SELECT unique_id, number, event_name, action_by, log_date FROM system_events ORDER BY 1')).toEqual([
      { unique_id: 's1', number: 730, event_name: 'Offline', action_by: 'System', log_date: new Date('2026-03-14T07:00:00.000Z') },
      { unique_id: 's2', number: 99999, event_name: 'A new kind', action_by: null, log_date: new Date(1773472800123) },
    ]);
    expect(await rows(db, 'SELECT scan_type, scan_result, malware_name FROM anti_malware_events')).toEqual([{ scan_type: 'Real-Time', scan_result: 'Quarantined', malware_name: 'Eicar' }]);
    expect(await rows(db, 'SELECT change FROM integrity_events')).toEqual([{ change: 'Renamed' }]);
    expect(await rows(db, 'SELECT risk FROM web_reputation_events')).toEqual([{ risk: 'Dangerous' }]);
    expect(await rows(db, 'SELECT ossec_level FROM log_inspection_events ORDER BY 1')).toEqual([{ ossec_level: 3 }, { ossec_level: 12 }]);
    expect(await rows(db, 'SELECT user_name FROM app_control_events')).toEqual([{ user_name: null }]);
    expect(await rows(db, `SELECT record->>'Vendor' AS vendor FROM events WHERE event_type = 'DeviceControlEvent'`)).toEqual([{ vendor: 'USB' }]);
  });

  it('fails a malformed object alone, naming it and its line, and loads it once it is fixed', async () => {
    const root = tempDir('events-bad');
    const events = generateEvents({ count: 20, hosts: 2, start: START, days: 1 });
    const good = firehoseKey('ws-events', START, 1, false);
    const bad = firehoseKey('ws-events', START, 2, false);
    writeArchiveObject(root, good, events.slice(0, 10).map((e, i) => JSON.stringify(envelope([e], `g-${i}`))).join('\n') + '\n', false);
    const lines = events.slice(10).map((e, i) => JSON.stringify(envelope([e], `b-${i}`)));
    writeArchiveObject(root, bad, [...lines.slice(0, 3), '{"Type": "Notification", "Message": "[{\\"EventType\\": ', ...lines.slice(3)].join('\n') + '\n', false);
    const db = join(tempDir('events-bad-db'), 'fleet.duckdb');

    const loaded = await loadSnapshots({ source: root, db });
    expect(loaded.streams).toMatchObject({ objectsLoaded: 1, objectsFailed: 1, added: 10 });
    expect(loaded.failures).toHaveLength(1);
    expect(loaded.failures[0]).toMatchObject({ fileKey: bad, kind: 'unreadable-object' });
    expect(loaded.failures[0]!.message).toContain(`${join(root, ...bad.split('/'))}`);
    expect(loaded.failures[0]!.message).toContain(' line 4: ');
    expect(loaded.failures[0]!.message).not.toContain('\n');
    expect(await rows(db, 'SELECT file_key, kind FROM load_errors')).toEqual([{ file_key: bad, kind: 'unreadable-object' }]);

    writeArchiveObject(root, bad, lines.join('\n') + '\n', false);
    utimesSync(join(root, ...bad.split('/')), new Date(), new Date(Date.now() + 5000));
    const fixed = await loadSnapshots({ source: root, db });
    expect(fixed.streams).toMatchObject({ objectsLoaded: 1, objectsUnchanged: 1, objectsFailed: 0, added: 10 });
    expect(await rows(db, 'SELECT count(*) AS n FROM load_errors')).toEqual([{ n: 0 }]);
    expect((await rows(db, 'SELECT count(*) AS n FROM events'))[0]!.n).toBe(20);
  });

  it('refuses an object whose events lack a readable LogDate, or that holds what is not an event', async () => {
    const root = tempDir('events-refused');
    writeArchiveObject(root, firehoseKey('ws-events', START, 1, false), JSON.stringify(envelope([{ EventType: 'PacketLog', UniqueID: 'x', LogDate: 'yesterday' }], 'm')) + '\n', false);
    writeArchiveObject(root, firehoseKey('ws-events', START, 2, false), JSON.stringify(envelope([{ EventType: 'PacketLog', UniqueID: 'y', LogDate: '2026-03-01T00:00:00Z' }, 42] as never, 'n')) + '\n', false);
    const db = join(tempDir('events-refused-db'), 'fleet.duckdb');
    const loaded = await loadSnapshots({ source: root, db });
    expect(loaded.streams.objectsFailed).toBe(2);
    const messages = loaded.failures.map((f) => f.message).sort();
    expect(messages[0]).toMatch(/-000000000001: holds an event without a readable LogDate: \{"EventType":"PacketLog"/);
    expect(messages[1]).toMatch(/holds a value that is not an event \(a JSON (ubigint|bigint|integer)\): 42/);
    expect((await rows(db, 'SELECT count(*) AS n FROM events'))[0]!.n).toBe(0);
  });

  it('loads a prefix holding AppFlow flows and an event archive side by side, telling them apart by content', async () => {
    const root = tempDir('events-mixed');
    const at = new Date('2026-03-14T09:00:00Z');
    writeKey(root, 'ws-computers/11111111-1111-4111-8111-111111111111/part-0', jsonLines([{ ID: 5, hostName: 'web-1', agentVersion: '20.0.1-100', antiMalware: { state: 'off' } }]), at);
    const events = generateEvents({ count: 30, hosts: 1, start: new Date('2026-03-14T10:00:00Z'), days: 1 }).map((e) => ({ ...e, HostID: 5 }));
    writeArchiveObject(root, firehoseKey('ws-computers-events', new Date('2026-03-14T11:00:00Z'), 1, true), events.map((e, i) => JSON.stringify(envelope([e], `m${i}`))).join('\n'), true);
    writeKey(root, 'README.md', '# exports\n');
    const db = join(tempDir('events-mixed-db'), 'fleet.duckdb');
    const loaded = await loadSnapshots({ source: root, db });
    expect([loaded.runsLoaded, loaded.rowsLoaded, loaded.streams.added, loaded.runsListed]).toEqual([1, 1, 30, 1]);
    expect(loaded.skipped.map((s) => s.key)).toEqual(['README.md']);
    const joined = await rows(db, `SELECT count(*) AS n FROM anti_malware_events AS e JOIN computers_as_of(TIMESTAMPTZ '2026-03-15 00:00:00+00') AS c ON c.computer_id = e.host_id WHERE c.anti_malware_state = 'off'`);
    expect(joined[0]!.n).toBe(events.filter((e) => e.EventType === 'AntiMalwareEvent').length);
  });

  it('says nothing is usable, and leaves no store behind, for a prefix of files that are neither exports nor events', async () => {
    const root = tempDir('events-nothing');
    writeKey(root, 'notes/today.txt', 'nothing here\n');
    writeKey(root, 'lambda/host-1/1-x.txt', '{"note": "not an event"}\n');
    const db = join(tempDir('events-nothing-db'), 'fleet.duckdb');
    await expect(loadSnapshots({ source: root, db })).rejects.toMatchObject({ exitCode: 3 });
    const { existsSync } = await import('node:fs');
    expect(existsSync(db)).toBe(false);
  });
});
