import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBaseline, type Baseline } from '../src/baseline';
import { listControls } from '../src/analysis/controls/control-catalog';
import type { ControlDefinition } from '../src/analysis/controls/control-definition';
import { installControlMacros, runControl } from '../src/analysis/controls/control-engine';
import { controlReason } from '../src/analysis/controls/control-texts';
import { recordControlResults } from '../src/report/run-controls';
import { sqlFile } from '../src/store/sql-files';
import type { Row } from '../src/store/query-result';
import { Store } from '../src/store/store';
import { expectedOutcome, runAsOf, snapshotTime } from './helpers/control-expectations';
import { buildReportFleet, COMMUNICATION_DAYS, type ReportFleet } from './helpers/report-fleet';

type Rec = Record<string, any>;

const controls = listControls();
const control = (id: string): ControlDefinition => controls.find((c) => c.id === id) as ControlDefinition;
const QUARTER_END = '2026-09-30 23:59:59.999999+00';
/** Between two runs: as of this time the last run before it counts. */
const MID_QUARTER = '2026-08-20 12:00:00+00';

let fleet: ReportFleet;
let store: Store;

beforeAll(async () => {
  fleet = await buildReportFleet();
  store = await Store.open(fleet.db);
  await installControlMacros(store);
});

afterAll(() => {
  store?.closeSync();
  if (fleet) rmSync(fleet.dir, { recursive: true, force: true });
});

const SHIPPED_CONTROLS = [
  'agent-active', 'agent-communicated', 'agent-installed', 'agent-version-current', 'anti-malware-on',
  'integrity-monitoring-on', 'intrusion-prevention-prevent', 'log-inspection-on',
];

function paramsFor(c: ControlDefinition, overrides: Rec = {}): Rec {
  return Object.fromEntries(c.params.map((p) => [p.name, overrides[p.name] ?? Number(p.defaultValue)]));
}

async function checkControlAgainstRecords(id: string, asOf: string, overrides: Rec = {}): Promise<Row[]> {
  const definition = control(id);
  const params = paramsFor(definition, overrides);
  const rows = await runControl(store, definition, asOf, params);
  const run = runAsOf(fleet.runs, 'computers', asOf);
  const policies = runAsOf(fleet.runs, 'policies', asOf).records;
  const computers = run.records as Rec[];
  expect(rows).toHaveLength(computers.length);
  for (const c of computers) {
    const row = rows.find((r) => r.computer_id === c.ID);
    const want = expectedOutcome(id, c, computers, run, params);
    expect({ id: row?.computer_id, status: row?.status, key: row?.reason_key }).toEqual({ id: c.ID, status: want.status, key: want.key });
    expect(row?.host_name).toBe(c.hostName);
    expect(row?.resource).toBe(`computer ${c.ID} (${c.hostName})`);
    expect(row?.policy_id).toBe(c.policyID);
    expect(row?.policy_name).toBe(policies.find((p) => p.ID === c.policyID)?.name ?? null);
    expect(row?.cloud_account_id ?? null).toBe(c.ec2VirtualMachineSummary?.accountID ?? null);
    expect(row?.snapshot_at).toEqual(new Date(snapshotTime(run)));
  }
  return rows;
}

describe('controls', () => {
  it('each returns the same columns: control id, status, reason and the dimensions', async () => {
    const expected = [
      'control_id', 'status', 'reason', 'reason_key', 'reason_args', 'resource', 'computer_id', 'host_name',
      'policy_id', 'policy_name', 'os_family', 'cloud_account_id', 'snapshot_id', 'snapshot_at',
    ];
    expect(controls.map((c) => c.id)).toEqual(expect.arrayContaining(SHIPPED_CONTROLS));
    for (const c of controls) {
      const result = await store.query(c.query.sql, { as_of: QUARTER_END, ...paramsFor(c) });
      expect(result.columns.map((col) => col.name), c.id).toEqual(expected);
      expect(result.rows.every((r) => r.control_id === c.id)).toBe(true);
    }
  });

  // A control added later is checked by its own cases.json (test/controls-catalog.test.ts); these have an oracle here.
  for (const id of SHIPPED_CONTROLS) {
    it(`${id}: every computer's status at quarter end and mid-quarter matches the records`, async () => {
      await checkControlAgainstRecords(id, QUARTER_END);
      await checkControlAgainstRecords(id, MID_QUARTER);
    });
  }

  it('covers the edge cases the fleet was edited for', async () => {
    const at = async (id: string, computerId: number) =>
      (await runControl(store, control(id), QUARTER_END, paramsFor(control(id)))).find((r) => r.computer_id === computerId);
    expect((await at('anti-malware-on', fleet.statelessComputerId))?.status).toBe('error');
    expect((await at('anti-malware-on', fleet.scriptComputerId))?.reason).toBe('The anti-malware state is off; it must be on.');
    expect((await at('intrusion-prevention-prevent', fleet.formulaComputerId))?.reason).toBe(
      'The intrusion prevention state is detect; it must be prevent.',
    );
    expect((await at('agent-installed', fleet.agentlessComputerId))?.status).toBe('alarm');
    for (const id of ['agent-active', 'agent-communicated', 'agent-version-current', 'log-inspection-on']) {
      const row = await at(id, fleet.agentlessComputerId);
      expect(row?.status, id).toBe('skip');
      expect(row?.reason, id).toMatch(/^No agent is installed, so .+ cannot be checked\.$/);
    }
    expect((await at('agent-communicated', fleet.silentComputerId))?.reason_key).toBe('never');
  });

  it('agent-communicated: a computer last heard from exactly max_days before the snapshot is within the limit', async () => {
    const result = async (maxDays: number) =>
      (await runControl(store, control('agent-communicated'), QUARTER_END, { max_days: maxDays })).find((r) => r.computer_id === fleet.boundaryComputerId);
    expect(await result(COMMUNICATION_DAYS)).toMatchObject({ status: 'ok', reason_key: 'ok' });
    expect(await result(COMMUNICATION_DAYS - 1)).toMatchObject({ status: 'alarm', reason_key: 'silent' });
  });

  it('takes its parameters: no silence allowed, no release behind allowed', async () => {
    const strict = await checkControlAgainstRecords('agent-communicated', QUARTER_END, { max_days: 0 });
    expect(strict.filter((r) => r.status === 'alarm').length).toBeGreaterThan(
      (await runControl(store, control('agent-communicated'), QUARTER_END, { max_days: 7 })).filter((r) => r.status === 'alarm').length,
    );
    const newestOnly = await checkControlAgainstRecords('agent-version-current', QUARTER_END, { max_behind: 0 });
    expect(newestOnly.some((r) => r.reason_key === 'behind')).toBe(true);
  });

  it('writes full sentences that the report catalog reproduces in English and has in Japanese', async () => {
    for (const c of controls) {
      for (const asOf of [QUARTER_END, MID_QUARTER]) {
        for (const row of await runControl(store, c, asOf, paramsFor(c))) {
          const args = JSON.parse(String(row.reason_args)) as Rec;
          expect(row.reason).toMatch(/^[A-Z].*\.$/);
          expect(controlReason('en', c, String(row.reason_key), args)).toBe(row.reason);
          expect(controlReason('ja', c, String(row.reason_key), args)).toMatch(/。$/);
        }
      }
    }
  });
});

describe('a baseline applied to the fleet', () => {
  it('keeps only the computers in each control scope, with the baseline severity and period', async () => {
    const run = runAsOf(fleet.runs, 'computers', QUARTER_END);
    const policies = runAsOf(fleet.runs, 'policies', QUARTER_END).records;
    const someComputer = run.records.find((c) => !/windows/i.test(String(c.platform))) as Rec;
    const policyName = policies.find((p) => p.ID === someComputer.policyID)?.name as string;
    const baseline: Baseline = validateBaseline(
      {
        name: 'scoped',
        controls: {
          'anti-malware-on': { severity: 'critical', applies_to: { os_family: ['windows'] } },
          'log-inspection-on': { severity: 'low', applies_to: { policies: [policyName] } },
          'agent-installed': { severity: 'high', applies_to: { policies: [someComputer.policyID] } },
        },
      },
      controls,
      'scoped.json',
      '{}',
    );
    await store.run(sqlFile('report/report-tables'));
    await recordControlResults(store, baseline, controls, QUARTER_END, 'current');
    const rows = (await store.query('SELECT * FROM fk_report_control_results')).rows;
    const ids = (id: string) => rows.filter((r) => r.control_id === id).map((r) => r.computer_id).sort();
    const sorted = (list: Rec[]) => list.map((c) => c.ID).sort();
    expect(ids('anti-malware-on')).toEqual(sorted(run.records.filter((c) => /windows/i.test(String(c.platform)))));
    expect(ids('log-inspection-on')).toEqual(sorted(run.records.filter((c) => c.policyID === someComputer.policyID)));
    expect(ids('agent-installed')).toEqual(ids('log-inspection-on'));
    expect(new Set(rows.filter((r) => r.control_id === 'anti-malware-on').map((r) => r.severity))).toEqual(new Set(['critical']));
    expect(ids('agent-active')).toEqual([]);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['current']));
  });
});
