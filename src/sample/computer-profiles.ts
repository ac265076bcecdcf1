import { DAY_MS, Stream, runTime } from './plan';
import type { FleetPlan } from './plan';
import { Random } from './random';
import type { Weighted } from './random';

export type OsFamily = 'windows' | 'linux';

/** What a computer is for; it decides the computer's policy. */
export type Role = 'web' | 'database' | 'core' | 'development' | 'general' | 'legacy' | 'container' | 'rhel';

export interface Ec2Identity {
  accountID: string;
  instanceID: string;
  availabilityZone: string;
  type: string;
  amiID: string;
  privateIPAddress: string;
}

/** What does not change about a computer over its life. */
export interface ComputerProfile {
  index: number;
  id: number;
  /** First week the computer is in the fleet. */
  joinWeek: number;
  /** First week it is gone (decommissioned); Infinity when it stays. */
  leaveWeek: number;
  /** Weeks before `leaveWeek` it stops talking to the manager (it is shut down before removal). */
  fadeWeeks: number;
  /** First week with an agent; Infinity for a cloud instance that never gets one. */
  agentFromWeek: number;
  agentInstalledAtMs: number;
  family: OsFamily;
  platform: string;
  /** An unmanaged cloud instance whose platform the console learns only from an agent. */
  platformHiddenWithoutAgent: boolean;
  notSupported: boolean;
  role: Role;
  /** Weeks after the new policy appears that an existing container host is moved to it. */
  policyMoveDelay: number;
  hostName: string;
  displayName: string;
  description: string;
  groupID: number;
  relayListID: number;
  assetImportanceID: number;
  hostGUID: string;
  biosUUID: string;
  agentGUID: string;
  agentFingerPrint: string;
  lastIPUsed: string;
  ec2: Ec2Identity | null;
  /** Index into `plan.releases` of the agent installed first. */
  initialRelease: number;
  /** Never upgrades. */
  laggard: boolean;
  /** Per release: weeks after its release that this computer upgrades. */
  upgradeDelays: number[];
}

const WINDOWS_PLATFORMS: Weighted<string> = [
  ['Microsoft Windows Server 2016 (64 bit) Build 14393', 15],
  ['Microsoft Windows Server 2019 (64 bit) Build 17763', 40],
  ['Microsoft Windows Server 2022 (64 bit) Build 20348', 35],
  ['Microsoft Windows 10 Enterprise (64 bit) Build 19045', 10],
];

const EC2_LINUX_PLATFORMS: Weighted<string> = [
  ['Amazon Linux 2 (64 bit)', 40],
  ['Amazon Linux 2023 (64 bit)', 25],
  ['Red Hat Enterprise Linux 8 (64 bit)', 20],
  ['Red Hat Enterprise Linux 9 (64 bit)', 10],
  ['Ubuntu Linux 22.04 LTS (64 bit)', 5],
];

const DATACENTER_LINUX_PLATFORMS: Weighted<string> = [
  ['Red Hat Enterprise Linux 8 (64 bit)', 40],
  ['Red Hat Enterprise Linux 9 (64 bit)', 25],
  ['CentOS 7 (64 bit)', 20],
  ['Ubuntu Linux 22.04 LTS (64 bit)', 15],
];

const UNSUPPORTED_PLATFORMS: Readonly<Record<OsFamily, string>> = {
  windows: 'Microsoft Windows Server 2008 R2 (64 bit) Service Pack 1 Build 7601',
  linux: 'CentOS 6 (64 bit)',
};

const AWS_ACCOUNTS: Weighted<{ accountID: string; groupID: number; subnet: number }> = [
  [{ accountID: '123456789012', groupID: 11, subnet: 0 }, 55],
  [{ accountID: '210987654321', groupID: 12, subnet: 1 }, 30],
  [{ accountID: '345678901234', groupID: 13, subnet: 2 }, 15],
];

const AVAILABILITY_ZONES: Weighted<string> = [
  ['ap-northeast-1a', 30],
  ['ap-northeast-1c', 30],
  ['ap-northeast-1d', 20],
  ['us-east-1a', 10],
  ['us-east-1b', 10],
];

const INSTANCE_TYPES: Weighted<string> = [
  ['t3.medium', 25],
  ['t3.large', 20],
  ['m5.large', 25],
  ['m5.xlarge', 15],
  ['c5.xlarge', 10],
  ['r5.large', 5],
];

const DATACENTERS: Weighted<{ code: string; groupID: number; network: string }> = [
  [{ code: 'TKY', groupID: 21, network: '192.168.10' }, 60],
  [{ code: 'OSK', groupID: 22, network: '192.168.20' }, 40],
];

const ROLE_NAMES: Readonly<Record<Role, { code: string; english: string; japanese: string }>> = {
  web: { code: 'WEB', english: 'Web frontend', japanese: '受発注Webサーバー' },
  database: { code: 'DB', english: 'Database', japanese: '会計DBサーバー' },
  core: { code: 'ERP', english: 'ERP core', japanese: '基幹システム' },
  development: { code: 'DEV', english: 'Dev box', japanese: '開発用サーバー' },
  general: { code: 'APP', english: 'App server', japanese: '業務サーバー' },
  legacy: { code: 'LGC', english: 'Legacy app', japanese: '旧人事システム' },
  container: { code: 'CTR', english: 'Container host', japanese: 'コンテナホスト' },
  rhel: { code: 'APP', english: 'App server', japanese: '業務サーバー' },
};

const DESCRIPTIONS: Weighted<string> = [
  ['', 75],
  ['Owner: platform team', 8],
  ['Patch window: Sunday 02:00 JST', 7],
  ['担当: インフラチーム', 6],
  ['本番環境・停止不可', 4],
];

const SHARE_INITIAL_FLEET = 0.78;
const SHARE_DECOMMISSIONED = 0.1;
const SHARE_EC2 = 0.62;
const SHARE_UNMANAGED_EC2 = 0.13;
const SHARE_UNMANAGED_LATER_INSTALLED = 0.55;
const SHARE_NOT_SUPPORTED = 0.01;
const SHARE_LAGGARDS = 0.12;

/** Weeks from a release to a computer's upgrade: most within two months, a tail later. */
const UPGRADE_DELAYS: Weighted<readonly [number, number]> = [
  [[0, 2], 35],
  [[3, 8], 45],
  [[9, 20], 20],
];

/** Weights of the agent versions installed before the first run, oldest first. */
const INITIAL_RELEASE_WEIGHTS = [15, 35, 50];

function upperUuid(random: Random): string {
  return random.uuid().toUpperCase();
}

function fingerPrint(random: Random): string {
  return Array.from({ length: 20 }, () => random.hex(2).toUpperCase()).join(':');
}

function roleFor(family: OsFamily, platform: string, random: Random): Role {
  if (family === 'windows') {
    if (platform.includes('2016') && random.chance(0.5)) return 'legacy';
    return random.weighted([['web', 25], ['database', 20], ['core', 15], ['development', 15], ['general', 25]]);
  }
  if (platform.startsWith('Amazon Linux 2023')) return random.chance(0.85) ? 'container' : 'development';
  if (platform.startsWith('Amazon Linux 2')) return random.weighted([['web', 60], ['general', 30], ['development', 10]]);
  if (platform.startsWith('Red Hat')) return random.weighted([['rhel', 70], ['general', 20], ['development', 10]]);
  return random.weighted([['general', 80], ['development', 20]]);
}

function ec2HostName(family: OsFamily, ip: string, zone: string, random: Random): string {
  if (family === 'windows') {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    return `EC2AMAZ-${Array.from({ length: 7 }, () => random.pick(letters.split(''))).join('')}`;
  }
  const region = zone.slice(0, -1);
  const domain = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return `ip-${ip.replaceAll('.', '-')}.${domain}`;
}

function joinWeekFor(plan: FleetPlan, index: number): number {
  const initial = Math.max(1, Math.ceil(plan.computers * SHARE_INITIAL_FLEET));
  if (index < initial || plan.weeks === 1) return 0;
  return 1 + Math.floor(((index - initial) * (plan.weeks - 1)) / (plan.computers - initial));
}

function initialReleaseFor(plan: FleetPlan, installWeek: number, random: Random): number {
  if (installWeek === 0) return random.weighted(INITIAL_RELEASE_WEIGHTS.map((weight, release) => [release, weight] as const));
  let newest = 0;
  plan.releases.forEach((release, index) => {
    if (release.week <= installWeek) newest = index;
  });
  return newest;
}

/** The computer with this index (0-based). Computers join in index order; IDs follow the index. */
export function computerProfile(plan: FleetPlan, index: number): ComputerProfile {
  const random = new Random(plan.seed, Stream.computerProfile, index);
  const joinWeek = joinWeekFor(plan, index);
  const leaveWeek = index > 0 && random.chance(SHARE_DECOMMISSIONED) && joinWeek + 4 < plan.weeks ? random.int(joinWeek + 4, plan.weeks - 1) : Infinity;
  const isEc2 = random.chance(SHARE_EC2);
  const family: OsFamily = random.chance(isEc2 ? 0.4 : 0.7) ? 'windows' : 'linux';
  const notSupported = random.chance(SHARE_NOT_SUPPORTED);
  const platform = notSupported
    ? UNSUPPORTED_PLATFORMS[family]
    : random.weighted(family === 'windows' ? WINDOWS_PLATFORMS : isEc2 ? EC2_LINUX_PLATFORMS : DATACENTER_LINUX_PLATFORMS);
  const role = notSupported ? 'general' : roleFor(family, platform, random);

  const unmanaged = isEc2 && !notSupported && random.chance(SHARE_UNMANAGED_EC2);
  const lastAgentWeek = Math.min(plan.weeks, leaveWeek) - 1;
  const installedLater = unmanaged && random.chance(SHARE_UNMANAGED_LATER_INSTALLED) && joinWeek + 1 <= lastAgentWeek;
  const agentFromWeek = !unmanaged ? joinWeek : installedLater ? random.int(joinWeek + 1, lastAgentWeek) : Infinity;
  const agentInstalledAtMs =
    agentFromWeek === 0
      ? plan.start.getTime() - random.int(30, 900) * DAY_MS - random.int(0, 86_399) * 1000
      : Number.isFinite(agentFromWeek)
        ? runTime(plan, agentFromWeek, 'computers').getTime() - random.int(3_600, 6 * 86_400) * 1000
        : 0;

  let hostName: string;
  let lastIPUsed: string;
  let groupID: number;
  let ec2: Ec2Identity | null = null;
  const number = String(index + 1).padStart(4, '0');
  if (isEc2) {
    const account = random.weighted(AWS_ACCOUNTS);
    const zone = random.weighted(AVAILABILITY_ZONES);
    const ip = `10.${account.subnet}.${random.int(0, 255)}.${random.int(4, 254)}`;
    hostName = ec2HostName(family, ip, zone, random);
    lastIPUsed = ip;
    groupID = account.groupID;
    ec2 = {
      accountID: account.accountID,
      instanceID: `i-0${random.hex(16)}`,
      availabilityZone: zone,
      type: random.weighted(INSTANCE_TYPES),
      amiID: `ami-0${random.hex(16)}`,
      privateIPAddress: ip,
    };
  } else {
    const site = random.weighted(DATACENTERS);
    const name = `${site.code}-${ROLE_NAMES[role].code}-${number}`;
    hostName = family === 'windows' ? name : `${name.toLowerCase()}.corp.example.co.jp`;
    lastIPUsed = `${site.network}.${random.int(4, 254)}`;
    groupID = site.groupID;
  }
  const names = ROLE_NAMES[role];
  const displayName = random.weighted([
    ['', 60],
    [`${names.english} ${number}`, 25],
    [`${names.japanese}${number}`, 15],
  ]);
  const biosUUID = random.uuid();

  return {
    index,
    id: 2001 + index,
    joinWeek,
    leaveWeek,
    fadeWeeks: random.int(0, 3),
    agentFromWeek,
    agentInstalledAtMs,
    family,
    platform,
    platformHiddenWithoutAgent: unmanaged && random.chance(0.5),
    notSupported,
    role,
    policyMoveDelay: random.int(0, 6),
    hostName,
    displayName,
    description: random.weighted(DESCRIPTIONS),
    groupID,
    relayListID: random.chance(0.85) ? 0 : 2,
    assetImportanceID: random.weighted([[0, 55], [1, 15], [2, 20], [3, 10]]),
    hostGUID: upperUuid(random),
    biosUUID: isEc2 ? `ec2${biosUUID.slice(3)}` : biosUUID,
    agentGUID: upperUuid(random),
    agentFingerPrint: fingerPrint(random),
    lastIPUsed,
    ec2,
    initialRelease: initialReleaseFor(plan, agentFromWeek, random),
    laggard: notSupported || random.chance(SHARE_LAGGARDS),
    upgradeDelays: plan.releases.map(() => {
      const [fewest, most] = random.weighted(UPGRADE_DELAYS);
      return random.int(fewest, most);
    }),
  };
}
