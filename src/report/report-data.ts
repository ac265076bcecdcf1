import type { Baseline } from '../baseline/baseline';
import { FleetkitError } from '../errors';
import type { Row } from '../store/query-result';
import { eventRetentionDays } from '../store/event-retention';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';
import { appendRows } from './append-rows';
import type { ControlDefinition } from '../analysis/controls/control-definition';
import { recordControlResults } from './run-controls';
import { isoDate, lastDay, previousQuarter, quarterEndInstant, type Quarter } from './quarter';

/** The store holds nothing the report's quarter can be drawn from: the report failed. */
export class ReportDataError extends FleetkitError {}

/** Control results of one control counted by status. */
export interface StatusCounts {
  control_id: string;
  ok: number;
  alarm: number;
  skip: number;
  info: number;
  error: number;
  total: number;
}

/** The figures of one quarter end. */
export interface QuarterFigures {
  quarter: Quarter;
  /** The as-of time the controls were checked at (the quarter's last instant), as DuckDB text. */
  asOf: string;
  /** The quarter's last computers run. */
  lastRun: { snapshotId: string; snapshotAt: Date };
  computers: number;
  withAgent: number;
  byControl: StatusCounts[];
  failingComputers: number;
  exceptions: number;
  policyChanges: number;
  policiesChanged: number;
}

/** Everything the report shows, read from the store. */
export interface ReportData {
  quarter: Quarter;
  now: Date;
  quarterOver: boolean;
  baseline: Baseline;
  controls: ControlDefinition[];
  current: QuarterFigures;
  /** Null when no computers run was loaded for the previous quarter. */
  previous: QuarterFigures | null;
  byOsFamily: (StatusCounts & { os_family: string })[];
  exceptions: Row[];
  policyChanges: Row[];
  coverage: Row[];
  agentHealth: Row[];
  silentDays: number;
  flowRuns: Row[];
  /** Objects held by more than one flow at the quarter end: the flow figures read, and the others (not counted). */
  flowsUsed: Row[];
  missingWeeks: Row[];
  loadErrors: Row[];
  snapshotsUsed: Row[];
  /** The quarter's security and system events; null when the store holds none at all. */
  events: ReportEvents | null;
}

export interface ReportEvents {
  byType: Row[];
  malware: Row[];
  ips: Row[];
  /** first_day, last_day, archive_events, quarter_computers, covered_days, gap_days (a list of dates, or null) */
  coverage: Row;
  /** Days of events the store keeps, null when it keeps them until pruned. */
  retentionDays: number | null;
}

/**
 * Checks the baseline at the end of the quarter and of the previous one, and reads the trends, policy changes and
 * data completeness of the quarter. The session keeps the report's temporary tables for the evidence files.
 */
export async function collectReportData(
  store: Store,
  quarter: Quarter,
  baseline: Baseline,
  controls: ControlDefinition[],
  now: Date,
): Promise<ReportData> {
  const previousQ = previousQuarter(quarter);
  const current = await quarterFigures(store, quarter, baseline, controls, 'current');
  if (!current) {
    throw new ReportDataError(
      `No computers run was loaded for ${quarter.label} (${isoDate(quarter.start)} to ${isoDate(lastDay(quarter))}, UTC) ` +
        `in ${store.path}: load the quarter's exports first, or choose a quarter that has data.`,
    );
  }
  const previous = await quarterFigures(store, previousQ, baseline, controls, 'previous');
  const period = { from: quarter.start.toISOString(), to: quarter.end.toISOString() };
  const silentDays = Number(baseline.controls.find((c) => c.id === 'agent-communicated')?.params.max_days ?? 7);
  const months = { from: isoDate(new Date(Date.UTC(quarter.year, quarter.start.getUTCMonth() - 1, 1))), to: isoDate(lastDay(quarter)) };

  await store.run(sqlFile('report/evidence-inventory'), { as_of: current.asOf });
  await store.run(sqlFile('report/evidence-views'));
  return {
    quarter,
    now,
    quarterOver: now.getTime() >= quarter.end.getTime(),
    baseline,
    controls,
    current,
    previous,
    byOsFamily: (await rows(store, 'report/results-by-os-family', { period: 'current' })) as unknown as ReportData['byOsFamily'],
    exceptions: await rows(store, 'report/exceptions'),
    policyChanges: await rows(store, 'report/policy-changes-in-quarter'),
    coverage: (await store.named('fleet-coverage', months)).rows,
    agentHealth: (await store.named('agent-health', { ...months, silent_days: silentDays })).rows,
    silentDays,
    flowRuns: await rows(store, 'report/flow-runs', period),
    flowsUsed: await rows(store, 'report/flows-used', { as_of: current.asOf }),
    missingWeeks: await rows(store, 'report/missing-weeks', { ...period, now: now.toISOString() }),
    loadErrors: await rows(store, 'report/load-errors', period),
    snapshotsUsed: await rows(store, 'report/snapshots-used', {
      ...period,
      as_of: current.asOf,
      previous_as_of: quarterEndInstant(previousQ),
    }),
    events: await quarterEvents(store, period),
  };
}

async function quarterEvents(store: Store, period: { from: string; to: string }): Promise<ReportEvents | null> {
  const [coverage] = await rows(store, 'report/event-archive-coverage', period);
  if (coverage === undefined || Number(coverage.archive_events) === 0) return null;
  return {
    byType: await rows(store, 'report/events-by-type', period),
    malware: await rows(store, 'report/malware-outcomes', period),
    ips: await rows(store, 'report/ips-modes', period),
    coverage,
    retentionDays: await eventRetentionDays(store),
  };
}

async function quarterFigures(
  store: Store,
  quarter: Quarter,
  baseline: Baseline,
  controls: ControlDefinition[],
  period: 'current' | 'previous',
): Promise<QuarterFigures | null> {
  const range = { from: quarter.start.toISOString(), to: quarter.end.toISOString() };
  const [run] = await rows(store, 'report/last-computers-run', range);
  if (!run) return null;
  const asOf = quarterEndInstant(quarter);
  await recordControlResults(store, baseline, controls, asOf, period);
  const changes = (await store.named('policy-changes', { from: range.from, to: asOf })).rows;
  if (period === 'current') await appendRows(store, 'fk_report_policy_changes', changes);
  const [fleet] = await rows(store, 'report/fleet-figures', { as_of: asOf });
  const [failing] = await rows(store, 'report/failing-computers', { period });
  return {
    quarter,
    asOf,
    lastRun: { snapshotId: String(run.snapshot_id), snapshotAt: run.snapshot_at as Date },
    computers: Number(fleet.computers),
    withAgent: Number(fleet.with_agent),
    byControl: (await rows(store, 'report/results-by-control', { period })) as unknown as StatusCounts[],
    failingComputers: Number(failing.failing_computers),
    exceptions: Number(failing.exceptions),
    policyChanges: changes.length,
    policiesChanged: new Set(changes.map((c) => String(c.policy_id))).size,
  };
}

/** The rows of one of the report's own queries (queries/report/). */
async function rows(store: Store, query: string, params?: Record<string, string | number>): Promise<Row[]> {
  return (await store.query(sqlFile(query), params)).rows;
}
