import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshots } from '../../src/load/load-snapshots';
import { generateRuns, type GeneratedRun } from '../../src/sample/fleet';
import { writeRuns } from '../../src/sample/write';
import { snapshotTime } from './control-expectations';

/** Host names that must come out of the report and its evidence as harmless text. */
export const SCRIPT_HOST = '<script>alert(1)</script>';
export const FORMULA_HOST = '=HYPERLINK("http://x","y")';
export const MARKUP_POLICY = '<img src=x onerror=alert(2)>';

/** Fleet runs from Monday 2026-04-06 weekly to 2026-09-28: all of 2026Q2 and 2026Q3. */
export const FLEET_START = new Date('2026-04-06T01:00:00Z');
export const FLEET_WEEKS = 26;
/** Week 18 (Monday 2026-08-10) has no run of either flow: ISO week 2026-W33 of 2026Q3 is missing. */
export const MISSING_WEEK = 18;
/** agent-communicated's default `max_days`: the boundary computer last communicated exactly this long before the snapshot. */
export const COMMUNICATION_DAYS = 7;

export interface ReportFleet {
  dir: string;
  db: string;
  /** Every run as written (after the edits below), in time order. */
  runs: GeneratedRun[];
  /**
   * Computers edited in the last run: hostile host names, no anti-malware state, no agent, never heard from, last
   * heard from exactly COMMUNICATION_DAYS before the snapshot.
   */
  scriptComputerId: number;
  formulaComputerId: number;
  statelessComputerId: number;
  agentlessComputerId: number;
  silentComputerId: number;
  boundaryComputerId: number;
}

type Computer = Record<string, unknown> & { ID: number; hostName: string };

/**
 * The sample generator's fleet with a few records edited: hostile host names and a policy name with markup, an
 * intrusion prevention module in detect mode, a record lacking anti-malware, and one failed run. Written in
 * AppFlow's default layout (file times are the runs' times, see `snapshotTime`) and loaded into a new store with the real loader.
 */
export async function buildReportFleet(computers = 60): Promise<ReportFleet> {
  const dir = mkdtempSync(join(tmpdir(), 'fk-report-fleet-'));
  const runs = [...generateRuns({ computers, weeks: FLEET_WEEKS, seed: 5, start: FLEET_START, missingWeeks: [MISSING_WEEK] })];
  const lastComputers = runs.filter((r) => r.object === 'computers').at(-1) as GeneratedRun;
  const ids = (lastComputers.records as Computer[]).map((c) => c.ID).sort((a, b) => a - b);
  const [scriptComputerId, formulaComputerId, statelessComputerId, agentlessComputerId, silentComputerId, boundaryComputerId] = ids;
  const firstPolicyId = Math.min(...(runs.find((r) => r.object === 'policies')!.records.map((p) => Number(p.ID))));

  for (const run of runs) {
    for (const record of run.records) {
      if (run.object === 'policies' && record.ID === firstPolicyId) record.name = MARKUP_POLICY;
      if (run.object !== 'computers') continue;
      const computer = record as Computer;
      if (computer.ID === scriptComputerId) {
        computer.hostName = SCRIPT_HOST;
        if (run === lastComputers) computer.antiMalware = { ...(computer.antiMalware as object), state: 'off' };
      }
      if (computer.ID === formulaComputerId) {
        computer.hostName = FORMULA_HOST;
        if (run === lastComputers) computer.intrusionPrevention = { ...(computer.intrusionPrevention as object), state: 'detect' };
      }
      if (run !== lastComputers) continue;
      if (computer.ID === statelessComputerId) delete computer.antiMalware;
      if (computer.ID === agentlessComputerId) Object.assign(computer, { agentVersion: '0.0.0.0', agentFingerPrint: null });
      if (computer.ID === silentComputerId) computer.lastAgentCommunication = 0;
      if (computer.ID === boundaryComputerId) computer.lastAgentCommunication = snapshotTime(run) - COMMUNICATION_DAYS * 86_400_000;
    }
  }

  const exportsDir = join(dir, 'exports');
  await writeRuns(runs, { outDir: exportsDir });
  const broken = join(exportsDir, lastComputers.flowName, '0f0e0d0c-0000-4000-8000-000000000bad');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'part-00000.json'), '{"ID": 1, "hostName": "cut-off');
  const failedRunAt = new Date(lastComputers.runAt.getTime() + 24 * 3600 * 1000);
  utimesSync(join(broken, 'part-00000.json'), failedRunAt, failedRunAt);
  const db = join(dir, 'fleet.duckdb');
  await loadSnapshots({ source: exportsDir, db });
  return {
    dir,
    db,
    runs,
    scriptComputerId,
    formulaComputerId,
    statelessComputerId,
    agentlessComputerId,
    silentComputerId,
    boundaryComputerId,
  };
}
