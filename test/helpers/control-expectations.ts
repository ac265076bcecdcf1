import type { GeneratedRun } from '../../src/sample/fleet';
import { hasAgent } from './expected-records';

type Rec = Record<string, any>;

/** The time the store gives a generated run: its file time, the run's start plus writeRuns' upload delay of 3 s. */
export function snapshotTime(run: GeneratedRun): number {
  return run.runAt.getTime() + 3000;
}

/** The last run of an object at or before a time (DuckDB text such as `2026-09-30 23:59:59.999999+00`). */
export function runAsOf(runs: GeneratedRun[], object: 'computers' | 'policies', asOf: string): GeneratedRun {
  const limit = new Date(asOf.replace(' ', 'T').replace(/\+00$/, 'Z')).getTime();
  return runs.filter((r) => r.object === object && snapshotTime(r) <= limit).at(-1) as GeneratedRun;
}

function versionParts(version: string): number[] {
  return version.split(/[.-]/).map(Number);
}

function compareParts(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

export interface Outcome {
  status: 'ok' | 'alarm' | 'skip' | 'error';
  key: string;
}

/**
 * What a control must say about a computer record, worked out from the record (not by the SQL under test):
 * `computers` is the whole run (for the newest versions in use), `params` the control's parameters.
 */
export function expectedOutcome(id: string, c: Rec, computers: Rec[], run: GeneratedRun, params: Rec): Outcome {
  const agent = hasAgent(c);
  const module = (state: string | undefined, accepted: string[]): Outcome => {
    if (!agent) return { status: 'skip', key: 'no_agent' };
    if (state === undefined || state === null) return { status: 'error', key: 'no_state' };
    return accepted.includes(state) ? { status: 'ok', key: 'ok' } : { status: 'alarm', key: 'not_ok' };
  };
  switch (id) {
    case 'agent-installed':
      return agent ? { status: 'ok', key: 'ok' } : { status: 'alarm', key: 'no_agent' };
    case 'agent-active':
      if (!agent) return { status: 'skip', key: 'no_agent' };
      return c.computerStatus?.agentStatus === 'active' ? { status: 'ok', key: 'ok' } : { status: 'alarm', key: 'not_active' };
    case 'agent-communicated': {
      if (!agent) return { status: 'skip', key: 'no_agent' };
      const last = Number(c.lastAgentCommunication);
      if (!last) return { status: 'alarm', key: 'never' };
      const days = (snapshotTime(run) - last) / 86_400_000;
      return days <= params.max_days ? { status: 'ok', key: 'ok' } : { status: 'alarm', key: 'silent' };
    }
    case 'anti-malware-on':
      return module(c.antiMalware?.state, ['on']);
    case 'intrusion-prevention-prevent':
      return module(c.intrusionPrevention?.state, ['prevent']);
    case 'integrity-monitoring-on':
      return module(c.integrityMonitoring?.state, ['on', 'real-time']);
    case 'log-inspection-on':
      return module(c.logInspection?.state, ['on']);
    case 'agent-version-current': {
      if (!agent) return { status: 'skip', key: 'no_agent' };
      const releases = [...new Set(computers.filter(hasAgent).map((x) => x.agentVersion as string))]
        .map(versionParts)
        .sort((a, b) => compareParts(b, a))
        .filter((parts, i, all) => i === 0 || compareParts(parts, all[i - 1]) !== 0);
      const behind = releases.findIndex((parts) => compareParts(parts, versionParts(c.agentVersion)) === 0);
      if (behind === 0) return { status: 'ok', key: 'newest' };
      return behind <= params.max_behind ? { status: 'ok', key: 'ok' } : { status: 'alarm', key: 'behind' };
    }
  }
  throw new Error(`no expectation for ${id}`);
}
