import { hash32, unitHash } from './random';

/** What to generate. Same options, same output, byte for byte. */
export interface FleetOptions {
  /** Distinct computers over the whole period (each run holds fewer: the fleet grows and shrinks). */
  computers: number;
  /** Weekly runs of each flow. */
  weeks: number;
  seed: number;
  /** Time of the first run; default 2025-07-07T01:00:00Z (a Monday). */
  start?: Date;
  /** Weeks (0-based) with no run of either flow, like a failed or absent run; weeks past the last have no effect. */
  missingWeeks?: number[];
  /** From this week on, runs are schemaVersion 2: computers gain `agentGUID`, policies gain `deviceControl`. */
  schemaV2FromWeek?: number;
  /**
   * From this week on, runs are schemaVersion 3 (with schemaVersion 2's fields): some keys of computer records the
   * model does not read drift in casing (`agentGuid`, `hostGuid`). Not before `schemaV2FromWeek`.
   */
  schemaV3FromWeek?: number;
}

export interface AgentRelease {
  version: string;
  /** First week computers may upgrade to it; negative for releases that predate the first run. */
  week: number;
}

/** The options resolved, and the weeks at which the fleet's scripted events happen. */
export interface FleetPlan {
  computers: number;
  weeks: number;
  seed: number;
  start: Date;
  missingWeeks: ReadonlySet<number>;
  schemaV2FromWeek: number | null;
  schemaV3FromWeek: number | null;
  /** From this week on the console is Japanese: status messages are localized. */
  japaneseLocaleFromWeek: number;
  /** The week the policy `NEW_POLICY_ID` first appears. */
  policyCreatedWeek: number;
  /** The first week without the policy `RETIRED_POLICY_ID`; its computers move away one week earlier. */
  policyDeletedWeek: number;
  /** The week a policy is renamed. */
  policyRenamedWeek: number;
  /** Agent releases, oldest first. */
  releases: readonly AgentRelease[];
}

export const DEFAULT_START = new Date('2025-07-07T01:00:00Z');

export const COMPUTERS_FLOW = 'ws-computers';
export const POLICIES_FLOW = 'ws-policies';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** Separate hash streams for each kind of draw, so one kind never shifts another. */
export const Stream = {
  computerProfile: 1,
  silence: 2,
  silenceLength: 3,
  drift: 4,
  driftModule: 5,
  driftLength: 6,
  engineError: 7,
  heartbeat: 8,
  policyEdits: 9,
  runJitter: 10,
  executionId: 11,
  assignment: 12,
  policySent: 13,
  updateFailure: 14,
  updateFailureLength: 15,
  interfaces: 16,
  recommendedRules: 17,
} as const;

const AGENT_VERSIONS_BEFORE_START: readonly AgentRelease[] = [
  { version: '20.0.0.8438', week: -40 },
  { version: '20.0.1.690', week: -22 },
  { version: '20.0.1.3180', week: -8 },
];

const AGENT_VERSIONS_DURING: readonly (readonly [string, number])[] = [
  ['20.0.1.9400', 0.12],
  ['20.0.1.17380', 0.42],
  ['20.0.1.21510', 0.78],
];

function weekAt(weeks: number, fraction: number): number {
  return Math.round(weeks * fraction);
}

export function planFleet(options: FleetOptions): FleetPlan {
  const { computers, weeks, seed } = options;
  if (!Number.isInteger(computers) || computers < 1) throw new RangeError(`computers must be a positive integer, got ${computers}`);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a positive integer, got ${weeks}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const start = options.start ?? DEFAULT_START;
  if (Number.isNaN(start.getTime())) throw new RangeError('start must be a valid date');
  for (const week of options.missingWeeks ?? []) {
    if (!Number.isInteger(week) || week < 0) throw new RangeError(`missing weeks must be non-negative integers, got ${week}`);
  }
  const v2 = options.schemaV2FromWeek;
  if (v2 !== undefined && (!Number.isInteger(v2) || v2 < 0)) throw new RangeError(`schemaV2FromWeek must be a non-negative integer, got ${v2}`);
  const v3 = options.schemaV3FromWeek;
  if (v3 !== undefined && (!Number.isInteger(v3) || v3 < 0)) throw new RangeError(`schemaV3FromWeek must be a non-negative integer, got ${v3}`);
  if (v2 !== undefined && v3 !== undefined && v3 < v2) throw new RangeError(`schemaV3FromWeek (${v3}) must not come before schemaV2FromWeek (${v2})`);
  const policyCreatedWeek = weekAt(weeks, 0.4);
  return {
    computers,
    weeks,
    seed: seed >>> 0,
    start: new Date(start.getTime()),
    missingWeeks: new Set((options.missingWeeks ?? []).filter((week) => week < weeks)),
    schemaV2FromWeek: v2 ?? null,
    schemaV3FromWeek: v3 ?? null,
    japaneseLocaleFromWeek: weekAt(weeks, 0.55),
    policyCreatedWeek,
    policyDeletedWeek: Math.max(policyCreatedWeek + 1, weekAt(weeks, 0.7)),
    policyRenamedWeek: weekAt(weeks, 0.62),
    releases: [
      ...AGENT_VERSIONS_BEFORE_START,
      ...AGENT_VERSIONS_DURING.map(([version, fraction]) => ({ version, week: Math.max(1, weekAt(weeks, fraction)) })),
    ],
  };
}

/** When a flow runs in a week: the computers flow at the start time, the policies flow six minutes later, each a little late. */
export function runTime(plan: FleetPlan, week: number, object: 'computers' | 'policies'): Date {
  const offsetMs = object === 'computers' ? 0 : 6 * 60 * 1000;
  const jitterMs = Math.floor(unitHash(plan.seed, Stream.runJitter, week, offsetMs) * 180) * 1000;
  return new Date(plan.start.getTime() + week * WEEK_MS + offsetMs + jitterMs);
}

export function schemaVersionAt(plan: FleetPlan, week: number): number {
  if (plan.schemaV3FromWeek !== null && week >= plan.schemaV3FromWeek) return 3;
  return plan.schemaV2FromWeek !== null && week >= plan.schemaV2FromWeek ? 2 : 1;
}

/** A deterministic UUID for a run. */
export function executionIdFor(plan: FleetPlan, week: number, object: 'computers' | 'policies'): string {
  const objectCode = object === 'computers' ? 1 : 2;
  const words = [0, 1, 2, 3].map((i) => hash32(plan.seed, Stream.executionId, week, objectCode, i).toString(16).padStart(8, '0'));
  const text = words.join('');
  const variant = '89ab'[parseInt(text[16], 16) % 4];
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-${variant}${text.slice(17, 20)}-${text.slice(20, 32)}`;
}
