import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { GeneratedRun } from './fleet';
import { Random, type Weighted } from './random';

/** How much of each kind of event a fleet sends: firewall and intrusion prevention dominate, as in real archives. */
const EVENT_MIX: Weighted<string> = [
  ['PacketLog', 46],
  ['PayloadLog', 28],
  ['LogInspectionEvent', 9],
  ['IntegrityEvent', 6],
  ['SystemEvent', 6],
  ['AntiMalwareEvent', 2.5],
  ['WebReputationEvent', 1.5],
  ['AppControlEvent', 1],
];

export interface EventArchiveOptions {
  outDir: string;
  /** Days of events, ending at the fleet's last computers run. */
  days: number;
  /** Events a computer records in a day, on average. */
  eventsPerHostDay: number;
  seed: number;
  /** zlib's level for the GZIP objects (default 9, the smallest; a benchmark's gigabytes write faster at 6). */
  gzipLevel?: number;
}

export interface EventArchiveSummary {
  /** Distinct events. */
  events: number;
  /** Events in the objects written, deliveries again included. */
  delivered: number;
  objects: number;
  bytes: number;
  /** The bytes the objects hold once unpacked. */
  textBytes: number;
}

interface Host {
  id: number;
  name: string;
  policyId: number;
  policyName: string;
  platform: string;
  agentVersion: string;
}

type WsEvent = Record<string, unknown> & { LogDate: string };

/**
 * Writes the event archive of a generated fleet, as SNS → Firehose → S3 leaves it, beside the AppFlow flows:
 * security events under `ws-events/` (a line per SNS envelope, GZIP) and system events under `ws-system-events/`
 * (a topic with raw message delivery: a bare array per line), one object per hour of arrival. Events arrive a few
 * minutes after they are recorded, some days later (an agent that was offline); about one message in a hundred is
 * delivered twice, in the next object (a Firehose retry).
 */
export async function writeEventArchive(runs: GeneratedRun[], options: EventArchiveOptions): Promise<EventArchiveSummary> {
  const lastComputers = runs.filter((run) => run.object === 'computers').at(-1);
  const lastPolicies = runs.filter((run) => run.object === 'policies').at(-1);
  const summary: EventArchiveSummary = { events: 0, delivered: 0, objects: 0, bytes: 0, textBytes: 0 };
  if (lastComputers === undefined) return summary;
  const policyNames = new Map((lastPolicies?.records ?? []).map((policy) => [Number(policy.ID), String(policy.name)]));
  const hosts: Host[] = lastComputers.records.map((record) => ({
    id: Number(record.ID),
    name: String(record.hostName),
    policyId: Number(record.policyID),
    policyName: policyNames.get(Number(record.policyID)) ?? '',
    platform: String(record.platform ?? ''),
    agentVersion: String(record.agentVersion ?? ''),
  }));
  const random = new Random(options.seed, 0xe7);
  const end = Date.UTC(lastComputers.runAt.getUTCFullYear(), lastComputers.runAt.getUTCMonth(), lastComputers.runAt.getUTCDate());
  const start = end - options.days * DAY;
  // Objects by stream and hour of arrival: [envelope lines or array lines, events delivered, the hour].
  const objects = new Map<string, { lines: string[]; delivered: number; hour: number }>();
  // Events arrive after they are recorded, never before: once a day is generated, every hour before its end is whole.
  const flushBefore = async (time: number) => {
    const done = [...objects].filter(([, object]) => object.hour < time).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [key, object] of done) {
      const text = object.lines.join('\n') + '\n';
      const content = key.endsWith('.gz') ? gzipSync(text, { level: options.gzipLevel ?? 9 }) : Buffer.from(text);
      const path = join(options.outDir, ...key.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      summary.bytes += content.length;
      summary.textBytes += Buffer.byteLength(text);
      summary.delivered += object.delivered;
      summary.objects++;
      objects.delete(key);
    }
  };
  let sequence = 0;
  for (let day = start; day < end; day += DAY) {
    for (const host of hosts) {
      const count = Math.round(options.eventsPerHostDay * (0.5 + random.next()));
      const recorded = Array.from({ length: count }, () => eventOf(random, host, day + Math.floor(random.next() * DAY), ++sequence));
      summary.events += recorded.length;
      // An agent sends what it recorded at its next heartbeat, a few events to a message.
      for (let i = 0; i < recorded.length; ) {
        const message = recorded.slice(i, (i += random.int(1, 6)));
        const system = message[0].EventType === 'SystemEvent';
        const late = random.chance(0.02) ? random.int(1, 3) * DAY : 0;
        const arrival = Date.parse(message[0].LogDate) + random.int(30, 600) * 1000 + late;
        const copies = random.chance(0.01) ? [arrival, arrival + HOUR] : [arrival];
        const id = random.uuid();
        for (const at of copies) {
          const stream = system ? 'ws-system-events' : 'ws-events';
          const hour = at - (at % HOUR);
          const key = objectKey(stream, new Date(hour), system ? '' : '.gz');
          const object = objects.get(key) ?? { lines: [], delivered: 0, hour };
          object.lines.push(system ? JSON.stringify(message) : JSON.stringify(envelope(message, id, at)));
          object.delivered += message.length;
          objects.set(key, object);
        }
      }
    }
    await flushBefore(day + DAY);
  }
  await flushBefore(Infinity);
  return summary;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `<stream>/YYYY/MM/DD/HH/<stream>-1-YYYY-MM-DD-HH-MM-SS-<uuid>`, Firehose's default prefix and name. */
function objectKey(stream: string, hour: Date, extension: string): string {
  const [y, m, d, h] = [hour.getUTCFullYear(), hour.getUTCMonth() + 1, hour.getUTCDate(), hour.getUTCHours()].map((n) => String(n).padStart(2, '0'));
  const uuid = `7e1f0c2a-4b3d-4e5f-8a9b-${hour.getTime().toString(16).padStart(12, '0').slice(-12)}`;
  return `${stream}/${y}/${m}/${d}/${h}/${stream}-1-${y}-${m}-${d}-${h}-00-00-${uuid}${extension}`;
}

function envelope(message: WsEvent[], id: string, at: number): object {
  return {
    Type: 'Notification',
    MessageId: id,
    TopicArn: 'arn:aws:sns:ap-northeast-1:111122223333:workload-security-events',
    Message: JSON.stringify(message),
    Timestamp: new Date(at).toISOString(),
    SignatureVersion: '1',
  };
}

function eventOf(random: Random, host: Host, at: number, sequence: number): WsEvent {
  const type = random.weighted(EVENT_MIX);
  const common: WsEvent = {
    EventType: type,
    LogDate: new Date(at).toISOString(),
    UniqueID: random.hex(24) + sequence.toString(16).padStart(8, '0'),
    EventID: 0,
    TenantID: 1500,
    TenantName: 'Example Corp',
    Origin: type === 'SystemEvent' ? 3 : 0,
    OriginString: type === 'SystemEvent' ? 'Server & Workload Protection' : 'Agent',
    HostID: host.id,
    Hostname: host.name,
    HostOS: host.platform,
    HostAgentVersion: host.agentVersion,
    HostSecurityPolicyID: host.policyId,
    HostSecurityPolicyName: host.policyName,
    HostAssetValue: 0,
    HostGroupID: 0,
    HostGroupName: 'Computers',
    Tags: '',
  };
  return { ...common, ...FIELDS[type](random) };
}

const ips = (random: Random) => `10.${random.int(0, 3)}.${random.int(0, 255)}.${random.int(1, 254)}`;

/** The fields of each type, as the property table (docs/events/event-properties.tsv) gives them. */
const FIELDS: Record<string, (random: Random) => Record<string, unknown>> = {
  PacketLog: (random) => ({
    Action: random.weighted([[1, 70], [6, 20], [0x81, 10]]),
    Direction: random.int(0, 1),
    Protocol: random.weighted([[6, 70], [17, 25], [1, 5]]),
    SourceIP: random.chance(0.3) ? `203.0.113.${random.int(1, 254)}` : ips(random),
    SourcePort: random.int(1024, 65535),
    DestinationIP: ips(random),
    DestinationPort: random.pick([22, 80, 135, 443, 445, 3389]),
    RepeatCount: random.weighted([[1, 80], [random.int(2, 50), 20]]),
    Reason: random.pick(['Deny inbound SMB', 'Block NetBIOS', 'Out of Connection', 'Invalid Flags']),
    PacketSize: random.int(40, 1500),
    Flags: 'SYN',
  }),
  PayloadLog: (random) => ({
    Action: random.weighted([[1, 35], [2, 20], [6, 15], [0x81, 20], [0x82, 10]]),
    Severity: random.weighted([[1, 15], [2, 40], [3, 35], [4, 10]]),
    Reason: random.pick(['1011242 - Log4j Remote Code Execution', '1008227 - SMB Brute Force', '1000552 - Generic Cross Site Scripting', '1009562 - HTTP Directory Traversal']),
    ApplicationType: random.pick(['Web Server Common', 'Windows SMB', 'DNS Client']),
    Direction: 0,
    Protocol: 6,
    SourceIP: `198.51.100.${random.int(1, 254)}`,
    SourcePort: random.int(1024, 65535),
    DestinationIP: ips(random),
    DestinationPort: random.pick([80, 443, 445]),
    RepeatCount: 1,
  }),
  LogInspectionEvent: (random) => ({
    OSSEC_Level: random.weighted([[random.int(0, 3), 40], [random.int(4, 7), 35], [random.int(8, 11), 20], [random.int(12, 15), 5]]),
    OSSEC_RuleID: random.pick([5716, 5503, 18107, 2502]),
    OSSEC_Description: random.pick(['SSHD authentication failed.', 'User login failed.', 'Windows Logon Failure.', 'User missed the password more than one time']),
    OSSEC_Location: '/var/log/secure',
  }),
  IntegrityEvent: (random) => ({
    Key: random.pick(['/etc/passwd', '/etc/ssh/sshd_config', 'HKLM\\SYSTEM\\CurrentControlSet\\Services', 'C:\\Windows\\System32\\drivers\\etc\\hosts']),
    EntityType: random.pick(['File', 'RegistryValue', 'Service']),
    Change: random.weighted([[1, 15], [2, 70], [3, 10], [4, 5]]),
    Severity: random.weighted([[1, 20], [2, 50], [3, 25], [4, 5]]),
    Reason: random.pick(['1002776 - Unix - Monitor /etc', '1003513 - Microsoft Windows - System Services']),
  }),
  SystemEvent: (random) => {
    const [number, title, severity] = random.weighted<[number, string, number]>([
      [[730, 'Offline', 3], 30],
      [[731, 'Back Online', 1], 30],
      [[600, 'User Signed In', 1], 20],
      [[130, 'Credentials Generated', 1], 5],
      [[250, 'Computer Updated', 1], 15],
    ]);
    return {
      Number: number,
      Title: title,
      Severity: severity,
      ActionBy: number === 600 ? random.pick(['alice@example.com', 'bob@example.com']) : 'System',
      Description: title,
      TargetID: 0,
      TargetName: '',
      TargetType: 'Host',
    };
  },
  AntiMalwareEvent: (random) => ({
    MalwareName: random.pick(['Eicar_test_file', 'TROJ_GEN.R002C0DKL23', 'PUA.Win32.Adware.A', 'Ransom.Win32.LOCKBIT.A']),
    MalwareType: random.pick(['Virus', 'Spyware', 'Ransomware']),
    InfectedFilePath: random.pick(['C:\\Users\\Public\\Downloads\\setup.exe', '/tmp/eicar.com', 'C:\\Windows\\Temp\\x.dll']),
    ScanType: random.weighted([[0, 80], [1, 5], [2, 15]]),
    ScanResultString: random.weighted([['Quarantined', 55], ['Cleaned', 20], ['Deleted', 15], ['Access Denied', 5], ['Passed', 5]]),
    ScanAction1: 3,
    ScanAction2: 0,
    FileSHA1: random.hex(40).toUpperCase(),
    PatternVersion: `19.${random.int(100, 999)}.00`,
  }),
  WebReputationEvent: (random) => ({
    URL: `http://${random.pick(['malware', 'phish', 'c2'])}.example.net/${random.hex(6)}`,
    Risk: random.weighted([[2, 40], [3, 35], [4, 20], [6, 5]]),
    RiskLevel: random.int(60, 100),
    DetectionCategory: 'Web Reputation',
  }),
  AppControlEvent: (random) => ({
    Action: random.pick(['Execution of Unrecognized Software Blocked', 'Execution of Unrecognized Software Allowed', 'Execution of Software Blocked by Rule']),
    FileName: random.pick(['miner.exe', 'install.sh', 'tool.ps1']),
    Path: random.pick(['C:\\Users\\Public\\', '/tmp/']),
    SHA256: random.hex(64).toUpperCase(),
    ProcessName: random.pick(['explorer.exe', 'bash']),
    UserName: random.pick(['root', 'Administrator', 'svc-deploy']),
  }),
};
