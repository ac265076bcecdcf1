import { Fleet } from './computers';
import { ENGLISH, JAPANESE } from './locale';
import { COMPUTERS_FLOW, POLICIES_FLOW, executionIdFor, planFleet, runTime, schemaVersionAt } from './plan';
import type { FleetOptions } from './plan';
import { PolicyBook } from './policies';

export type SampleObject = 'computers' | 'policies';

/** One run of one flow: every record of the object at `runAt`. */
export interface GeneratedRun {
  flowName: string;
  object: SampleObject;
  /** A deterministic UUID. */
  executionId: string;
  runAt: Date;
  schemaVersion: number;
  /** 0-based week of the run. */
  week: number;
  records: Record<string, unknown>[];
}

/**
 * The runs of a Computers flow and a Policies flow, weekly, in time order. Only one run's records are in memory
 * at a time, so large fleets stream.
 */
export function* generateRuns(options: FleetOptions): Generator<GeneratedRun> {
  const plan = planFleet(options);
  const policies = new PolicyBook(plan);
  const fleet = new Fleet(plan, policies);
  for (let week = 0; week < plan.weeks; week++) {
    policies.advanceTo(week);
    fleet.advanceTo(week);
    if (plan.missingWeeks.has(week)) continue;
    const texts = week >= plan.japaneseLocaleFromWeek ? JAPANESE : ENGLISH;
    const schemaVersion = schemaVersionAt(plan, week);
    const computers = fleet.records(week, texts, schemaVersion);
    yield run(COMPUTERS_FLOW, 'computers', week, computers);
    yield run(POLICIES_FLOW, 'policies', week, policies.records(texts, schemaVersion));
  }

  function run(flowName: string, object: SampleObject, week: number, records: Record<string, unknown>[]): GeneratedRun {
    return {
      flowName,
      object,
      executionId: executionIdFor(plan, week, object),
      runAt: runTime(plan, week, object),
      schemaVersion: schemaVersionAt(plan, week),
      week,
      records,
    };
  }
}
