import { gzipSync } from 'node:zlib';
import { writeKey } from './tree';

/** One Workload Security event as SNS carries it: its documented fields, numbers written as numbers. */
export type WsEvent = Record<string, unknown> & { EventType: string; LogDate: string };

/** The mix of a real archive: firewall and intrusion prevention dominate. */
const MIX: [type: string, weight: number][] = [
  ['PacketLog', 45],
  ['PayloadLog', 30],
  ['LogInspectionEvent', 8],
  ['IntegrityEvent', 6],
  ['SystemEvent', 5],
  ['AntiMalwareEvent', 3],
  ['WebReputationEvent', 2],
  ['AppControlEvent', 1],
];

/** A small deterministic generator (mulberry32), so that every run of a test writes the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` events over `days` days from `start`, on `hosts` hosts, each with a UniqueID unless `withoutId` says
 * otherwise for its index. Type fields follow the property table, numbers written as numbers.
 */
export function generateEvents(options: { count: number; hosts: number; start: Date; days: number; seed?: number; withoutId?: (i: number) => boolean }): WsEvent[] {
  const next = random(options.seed ?? 7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const total = MIX.reduce((n, [, w]) => n + w, 0);
  const events: WsEvent[] = [];
  for (let i = 0; i < options.count; i++) {
    let roll = next() * total;
    const type = MIX.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'PacketLog';
    const host = Math.floor(next() * options.hosts) + 1;
    const at = new Date(options.start.getTime() + Math.floor(next() * options.days * 86_400_000));
    const event: WsEvent = {
      EventType: type,
      LogDate: at.toISOString(),
      TenantID: 1001,
      TenantName: 'Example',
      EventID: 0,
      Origin: 0,
      OriginString: 'Agent',
      HostID: host,
      Hostname: `host-${host}`,
      HostSecurityPolicyID: (host % 3) + 1,
      HostSecurityPolicyName: ['Base', 'Web', 'DB'][host % 3],
      HostGroupID: 10,
      HostOS: 'Amazon Linux 2',
    };
    // Unique across seeds too, so that archives generated apart never share an event by accident.
    const identity = (BigInt(options.seed ?? 7) << 40n) + BigInt(i + 1);
    if (!(options.withoutId?.(i) ?? false)) event.UniqueID = (identity * 0x9e3779b97f4a7c15n).toString(16).padStart(32, '0').slice(-32);
    Object.assign(event, typeFields(type, next, pick));
    events.push(event);
  }
  return events;
}

function typeFields(type: string, next: () => number, pick: <T>(values: readonly T[]) => T): Record<string, unknown> {
  switch (type) {
    case 'PacketLog':
      return { Action: pick([1, 6, 0x81]), Direction: pick([0, 1]), Protocol: pick([6, 17, 1]), SourceIP: `10.0.0.${Math.floor(next() * 250)}`, SourcePort: 40000, DestinationIP: '10.0.1.5', DestinationPort: pick([22, 443, 3389]), RepeatCount: 1, Reason: 'Deny inbound' };
    case 'PayloadLog':
      return { Action: pick([1, 2, 6, 0x81, 0x82]), Severity: pick([1, 2, 3, 4]), Reason: pick(['1008795 - Log4j', '1000552 - SMB']), ApplicationType: 'Web Server', Direction: 0, Protocol: 6, SourceIP: '203.0.113.9', DestinationPort: 443 };
    case 'LogInspectionEvent':
      return { OSSEC_Level: Math.floor(next() * 16), OSSEC_RuleID: 5716, OSSEC_Description: 'SSHD authentication failed.' };
    case 'IntegrityEvent':
      return { Key: '/etc/passwd', EntityType: 'File', Change: pick([1, 2, 3, 4]), Severity: pick([1, 2, 3, 4]), Reason: '1002776 - Unix users' };
    case 'SystemEvent':
      return { Number: pick([730, 731, 600]), Title: 'Computer event', Severity: pick([1, 2, 3]), ActionBy: pick(['System', 'alice@example.com']), TargetType: 'Host', TargetID: 1 };
    case 'AntiMalwareEvent':
      return { MalwareName: pick(['Eicar_test_file', 'TROJ_GEN.R002C0']), MalwareType: 'Virus', InfectedFilePath: '/tmp/x', ScanType: pick([0, 1, 2]), ScanResultString: pick(['Quarantined', 'Cleaned', 'Deleted']), FileSHA1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' };
    case 'WebReputationEvent':
      return { URL: 'http://bad.example/', Risk: pick([2, 3, 4]), RiskLevel: 90, DetectionCategory: 'Web Reputation' };
    default:
      return { Action: 'Execution of Unrecognized Software Blocked', FileName: 'x.sh', Path: '/tmp/', SHA256: 'ab'.repeat(32), ProcessName: 'bash', UserName: 'root' };
  }
}

/** An SNS notification carrying `events` as its Message (text), as Firehose archives it without raw delivery. */
export function envelope(events: WsEvent[] | WsEvent, id: string): object {
  return { Type: 'Notification', MessageId: id, TopicArn: 'arn:aws:sns:us-east-1:123456789012:ws-events', Timestamp: '2026-03-14T07:00:00.000Z', Message: JSON.stringify(events) };
}

/** Splits `items` into groups of `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** A Firehose object key: `<prefix>/YYYY/MM/DD/HH/<stream>-1-YYYY-MM-DD-HH-MM-SS-<uuid>[.gz]`, by arrival time. */
export function firehoseKey(prefix: string, arrival: Date, n: number, gzip: boolean): string {
  const p = (v: number) => String(v).padStart(2, '0');
  const [y, mo, d, h, mi, s] = [arrival.getUTCFullYear(), arrival.getUTCMonth() + 1, arrival.getUTCDate(), arrival.getUTCHours(), arrival.getUTCMinutes(), arrival.getUTCSeconds()];
  const uuid = `0f3c2b9e-1a2b-4c3d-8e9f-${n.toString(16).padStart(12, '0')}`;
  return `${prefix}/${y}/${p(mo)}/${p(d)}/${p(h)}/ws-events-1-${y}-${p(mo)}-${p(d)}-${p(h)}-${p(mi)}-${p(s)}-${uuid}${gzip ? '.gz' : ''}`;
}

/** Writes `content` (gzipped when asked) under `root` at `key`; returns the bytes written. */
export function writeArchiveObject(root: string, key: string, content: string, gzip: boolean): number {
  const bytes = gzip ? gzipSync(content) : Buffer.from(content);
  writeKey(root, key, bytes);
  return bytes.length;
}

/** The identity of an event without UniqueID, (TenantID, EventType, EventID, LogDate, HostID), as the test's oracle reckons it. */
export function eventKey(event: WsEvent): string {
  return typeof event.UniqueID === 'string' ? event.UniqueID : `${event.TenantID}|${event.EventType}|${event.EventID}|${new Date(event.LogDate).toISOString()}|${event.HostID}`;
}

/** Distinct events, each counted once, by (EventType, UTC day of LogDate). */
export function countsByTypeAndDay(events: WsEvent[]): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const event of events) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    const group = `${event.EventType}|${event.LogDate.slice(0, 10)}`;
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}
