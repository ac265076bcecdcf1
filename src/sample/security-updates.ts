import type { OsFamily } from './computer-profiles';
import { DAY_MS, WEEK_MS } from './plan';
import type { FleetPlan } from './plan';

export interface UpdateComponent {
  name: string;
  version: string;
  latest: boolean;
}

export interface SecurityUpdates {
  lastChanged: number;
  antiMalware: UpdateComponent[];
}

/** A pattern or engine, released every `periodMs` from `firstReleaseMs` after the plan's start; `version` of the n-th release. */
interface Component {
  name: string;
  windowsOnly: boolean;
  periodMs: number;
  firstReleaseMs: number;
  version(release: number): string;
}

/**
 * Releases come 9 hours after the runs' time of day (runs are weekly, at the start's time), so a computer that updated
 * in the hour before a run has the newest one.
 */
const DAILY_RELEASE_MS = 9 * 3600 * 1000;
/** Weekly and rarer releases: Wednesdays when the sample starts on a Monday. */
const WEEKLY_RELEASE_MS = 2 * DAY_MS + DAILY_RELEASE_MS;

/** A pattern number as the console writes it: 19587 → "19.587.00". */
function patternNumber(sequence: number): string {
  return `${Math.floor(sequence / 1000)}.${String(sequence % 1000).padStart(3, '0')}.00`;
}

function pattern(name: string, periodMs: number, base: number, step: number, windowsOnly = false): Component {
  const firstReleaseMs = periodMs === DAY_MS ? DAILY_RELEASE_MS : WEEKLY_RELEASE_MS;
  return { name, windowsOnly, periodMs, firstReleaseMs, version: (release) => patternNumber(base + step * release) };
}

function engine(name: string, weeks: number, [major, minor, build]: readonly [number, number, number]): Component {
  return {
    name,
    windowsOnly: false,
    periodMs: weeks * WEEK_MS,
    firstReleaseMs: WEEKLY_RELEASE_MS,
    version: (release) => `${major}.${minor + 10 * release}.${build + 3 * release}`,
  };
}

const COMPONENTS: readonly Component[] = [
  pattern('Smart Scan Agent Pattern', DAY_MS, 19_101, 2),
  pattern('Virus Pattern', DAY_MS, 19_231, 2),
  pattern('Spyware/Grayware Pattern', WEEK_MS, 2_551, 2),
  pattern('IntelliTrap Pattern', 26 * WEEK_MS, 251, 1),
  pattern('IntelliTrap Exception Pattern', 4 * WEEK_MS, 1_983, 2),
  pattern('Behavior Monitoring Detection Pattern', 2 * WEEK_MS, 2_873, 2, true),
  pattern('Digital Signature Pattern', WEEK_MS, 1_711, 2, true),
  pattern('Program Inspection Monitoring Pattern', 8 * WEEK_MS, 245, 1, true),
  engine('Anti-malware Engine', 10, [12, 500, 1008]),
  engine('Advanced Threat Scan Engine', 6, [23, 570, 1073]),
];

const COMPONENTS_OF: Readonly<Record<OsFamily, readonly Component[]>> = {
  windows: COMPONENTS,
  linux: COMPONENTS.filter((component) => !component.windowsOnly),
};

function releaseAt(plan: FleetPlan, component: Component, atMs: number): number {
  return Math.floor((atMs - plan.start.getTime() - component.firstReleaseMs) / component.periodMs);
}

/**
 * What an agent of `family` reports at `runAtMs` when its last update was at `updatedAtMs`: each component at the
 * release it has, `latest` when no newer one came out since.
 */
export function securityUpdates(plan: FleetPlan, family: OsFamily, updatedAtMs: number, runAtMs: number): SecurityUpdates {
  return {
    lastChanged: updatedAtMs,
    antiMalware: COMPONENTS_OF[family].map((component) => {
      const release = releaseAt(plan, component, updatedAtMs);
      return { name: component.name, version: component.version(release), latest: release === releaseAt(plan, component, runAtMs) };
    }),
  };
}
