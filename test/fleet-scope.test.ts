import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshots, type LoadSummary } from '../src/load/load-snapshots';
import { messages } from '../src/report/messages';
import { Formatter } from '../src/report/format';
import { reportNotices } from '../src/report/notices';
import type { ReportData } from '../src/report/report-data';
import { sqlFile } from '../src/store/sql-files';
import { Store } from '../src/store/store';
import { hasAgent } from './helpers/expected-records';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

type Json = Record<string, unknown>;

/**
 * The same five computers exported by two computers flows: `ws-computers`, and `tenant-b-export` (whose name says
 * nothing: the loader tells it holds computers from its records). Their runs interleave so that the last run of each
 * month across both flows alternates between them, and the newest run of all is tenant-b-export's.
 */
const FLOW_A = 'ws-computers';
const FLOW_B = 'tenant-b-export';
const POLICIES = 'ws-policies';
const IDS = [101, 102, 103, 104, 105];

interface WrittenRun {
  flow: string;
  executionId: string;
  at: Date;
  records: Json[];
}

const executionId = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A computer as a flow's run shows it: each run switches a different module off, flow B has no agent on two. */
function computer(id: number, flow: string, run: number, at: Date): Json {
  const agent = flow === FLOW_B && id <= 102 ? '0.0.0.0' : '20.0.1-100';
  return {
    ID: id,
    hostName: `host-${id}`,
    platform: 'Red Hat Enterprise 9 (64 bit)',
    policyID: id % 2 === 0 ? 1 : 2,
    agentVersion: agent,
    computerStatus: { agentStatus: flow === FLOW_A && id === 105 ? 'warning' : 'active' },
    lastAgentCommunication: at.getTime() - 3_600_000,
    antiMalware: { state: id === IDS[run % IDS.length] ? 'off' : 'on' },
    intrusionPrevention: { state: flow === FLOW_B && id === 103 ? 'off' : 'prevent' },
  };
}

const policy = (id: number, heartbeat: string): Json => ({
  ID: id,
  name: `Policy ${id}`,
  parentID: null,
  antiMalware: { state: 'on' },
  intrusionPrevention: { state: 'prevent' },
  policySettings: { platformSettingHeartbeatInterval: { value: heartbeat } },
});

const computerRunTimes: [string, string][] = [
  [FLOW_A, '2026-01-10T06:00:00Z'],
  [FLOW_B, '2026-01-20T06:00:00Z'],
  [FLOW_B, '2026-02-10T06:00:00Z'],
  [FLOW_A, '2026-02-25T06:00:00Z'],
  [FLOW_A, '2026-03-05T06:00:00Z'],
  [FLOW_B, '2026-03-15T06:00:00Z'],
];

const computerRuns: WrittenRun[] = computerRunTimes.map(([flow, iso], i) => {
  const at = new Date(iso);
  return { flow, executionId: executionId(i + 1), at, records: IDS.map((id) => computer(id, flow, i, at)) };
});
const policyRuns: WrittenRun[] = [
  { flow: POLICIES, executionId: executionId(50), at: new Date('2026-01-05T06:00:00Z'), records: [policy(1, '10'), policy(2, '10')] },
  { flow: POLICIES, executionId: executionId(51), at: new Date('2026-02-15T06:00:00Z'), records: [policy(1, '20'), policy(2, '10')] },
];

let root: string;
let db: string;
let summary: LoadSummary;
let store: Store;

beforeAll(async () => {
  root = tempDir('fleet-scope');
  for (const run of [...computerRuns, ...policyRuns]) {
    writeKey(join(root, 'exports'), `${run.flow}/${run.executionId}/part-0`, jsonLines(run.records), run.at);
  }
  db = join(root, 'fleet.duckdb');
  summary = await loadSnapshots({ source: join(root, 'exports'), db });
  store = await Store.open(db);
});

afterAll(() => {
  store?.closeSync();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function rows(sql: string, params?: Record<string, string | null>): Promise<Json[]> {
  return (await store.query(sql, params)).rows;
}

const named = async (name: string, params: Record<string, unknown> = {}) => (await store.named(name, params)).rows;

/** The latest run of `flow` at or before `at`; of all flows together when `flow` is omitted (the primary flow's). */
function latest(at: Date, flow?: string): WrittenRun {
  const runs = computerRuns.filter((r) => r.at <= at && (flow === undefined || r.flow === flow));
  return runs.reduce((a, b) => (b.at > a.at ? b : a));
}

const utcMonth = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);

/** Each month's last run of one flow. */
function monthEnds(flow: string): WrittenRun[] {
  const byMonth = new Map<number, WrittenRun>();
  for (const run of computerRuns.filter((r) => r.flow === flow)) {
    const seen = byMonth.get(utcMonth(run.at));
    if (!seen || seen.at < run.at) byMonth.set(utcMonth(run.at), run);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a - b).map(([, run]) => run);
}

const NOW = new Date('2026-06-01T00:00:00Z');
const primary = latest(NOW).flow;
const other = primary === FLOW_A ? FLOW_B : FLOW_A;

describe('a store holding the same computers from two flows', () => {
  it('is set up as the case needs: both flows loaded as computers, month ends alternating between flows', async () => {
    expect(summary.failures).toEqual([]);
    expect(summary.runsLoaded).toBe(computerRuns.length + policyRuns.length);
    const objects = await rows('SELECT DISTINCT flow_name, object FROM snapshots ORDER BY flow_name');
    expect(objects).toEqual([
      { flow_name: FLOW_B, object: 'computers' },
      { flow_name: FLOW_A, object: 'computers' },
      { flow_name: POLICIES, object: 'policies' },
    ]);
    const lastOfMonthAcrossFlows = [0, 1, 2].map((m) => computerRuns.filter((r) => r.at.getUTCMonth() === m).at(-1)!.flow);
    expect(new Set(lastOfMonthAcrossFlows).size).toBe(2);
  });

  it('tells the user in the load summary, naming both flows and the one figures read by default', () => {
    const notices = summary.notices.filter((n) => n.kind === 'two-flows-one-object');
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice.message).toContain('computers');
    expect(notice.message).toContain(FLOW_A);
    expect(notice.message).toContain(FLOW_B);
    expect(notice.message).toContain(`by default ${primary}`);
    expect(notice.message).not.toContain(POLICIES);
  });

  it('counts each computer once as of a time, from the primary flow', async () => {
    for (const at of [new Date('2026-01-25T00:00:00Z'), new Date('2026-02-26T00:00:00Z'), NOW]) {
      const run = latest(at);
      const found = await rows('SELECT snapshot_id, flow_name, computer_id, has_agent FROM computers_as_of($at::TIMESTAMPTZ) ORDER BY computer_id', { at: at.toISOString() });
      expect(found.length).toBe(IDS.length);
      expect(found.map((r) => r.computer_id)).toEqual(IDS);
      expect(new Set(found.map((r) => r.snapshot_id))).toEqual(new Set([run.executionId]));
      expect(found.map((r) => r.has_agent)).toEqual(run.records.map(hasAgent));
    }
  });

  it('gives the flow asked for, and every flow side by side when asked', async () => {
    const at = NOW.toISOString();
    const chosen = await rows('SELECT DISTINCT snapshot_id FROM computers_as_of($at::TIMESTAMPTZ, flow := $flow)', { at, flow: other });
    expect(chosen).toEqual([{ snapshot_id: latest(NOW, other).executionId }]);
    const each = await rows('SELECT flow_name, count(*) AS computers FROM computers_as_of_each_flow($at::TIMESTAMPTZ) GROUP BY flow_name ORDER BY flow_name', { at });
    expect(each).toEqual([FLOW_B, FLOW_A].sort().map((flow_name) => ({ flow_name, computers: IDS.length })));
  });

  it('refuses a flow the object does not have, naming the flows it has', async () => {
    await expect(rows(`SELECT * FROM computers_as_of(now(), flow := 'no-such-flow')`)).rejects.toThrow(/no computers flow is named "no-such-flow".*tenant-b-export, ws-computers/);
    await expect(named('fleet-size', { flow: POLICIES })).rejects.toThrow(/no computers flow is named "ws-policies"/);
  });

  it('computes coverage over one flow: 5 computers, the chosen flow’s own figures', async () => {
    for (const [flow, params] of [[primary, {}], [other, { flow: other }]] as const) {
      const runs = monthEnds(flow);
      const agentRows = (await named('fleet-coverage', params)).filter((r) => r.os_family === 'all' && r.module === 'agent');
      expect(agentRows.map((r) => r.snapshot_id)).toEqual(runs.map((r) => r.executionId));
      for (const [i, row] of agentRows.entries()) {
        expect(row.computers).toBe(IDS.length);
        expect(row.covered).toBe(runs[i].records.filter(hasAgent).length);
      }
      const ips = (await named('fleet-coverage', params)).filter((r) => r.os_family === 'all' && r.module === 'intrusion_prevention');
      expect(ips.map((r) => r.prevent)).toEqual(
        runs.map((run) => run.records.filter((c) => hasAgent(c) && (c.intrusionPrevention as Json).state === 'prevent').length),
      );
    }
  });

  it('never mixes flows from month to month', async () => {
    const byMonth = await rows(`SELECT month, flow_name, snapshot_id FROM last_runs_by_month('computers') ORDER BY month`);
    expect(byMonth.map((r) => r.snapshot_id)).toEqual(monthEnds(primary).map((r) => r.executionId));
    expect(new Set(byMonth.map((r) => r.flow_name))).toEqual(new Set([primary]));
    for (const name of ['fleet-coverage', 'fleet-size', 'agent-health', 'agent-versions']) {
      const ids = new Set((await named(name)).map((r) => String(r.snapshot_id)));
      const flows = new Set(computerRuns.filter((r) => ids.has(r.executionId)).map((r) => r.flow));
      expect(flows, name).toEqual(new Set([primary]));
    }
    const size = await named('fleet-size', { flow: other });
    expect(size.map((r) => [r.snapshot_id, r.computers, r.with_agent])).toEqual(
      monthEnds(other).map((run) => [run.executionId, IDS.length, run.records.filter(hasAgent).length]),
    );
  });

  it('a monthly range reads the flow that is primary at its end, in every month', async () => {
    // At the end of February the newest run is ws-computers' (02-25): January must come from it too.
    const feb = await rows(`SELECT flow_name, snapshot_id FROM last_runs_in_months('computers', NULL, DATE '2026-02-01') ORDER BY month`);
    const flowAtFebEnd = latest(new Date('2026-03-01T00:00:00Z')).flow;
    expect(feb.map((r) => r.snapshot_id)).toEqual(monthEnds(flowAtFebEnd).filter((r) => r.at < new Date('2026-03-01T00:00:00Z')).map((r) => r.executionId));
  });

  it('lists unprotected computers and drift of one flow, the one asked for', async () => {
    for (const flow of [primary, other]) {
      const run = latest(NOW, flow);
      const expected = run.records
        .filter((c) => !hasAgent(c) || (c.computerStatus as Json).agentStatus !== 'active' || (c.antiMalware as Json).state === 'off' || (c.intrusionPrevention as Json).state === 'off')
        .map((c) => c.ID);
      const actual = await named('unprotected-computers', flow === primary ? {} : { flow });
      expect(actual.map((r) => r.computer_id)).toEqual(expected);
      expect(new Set(actual.map((r) => r.snapshot_id))).toEqual(new Set([run.executionId]));
      const drift = await named('policy-drift', flow === primary ? {} : { flow });
      const drifting = run.records.filter(hasAgent).flatMap((c) =>
        [['anti_malware', 'antiMalware'], ['intrusion_prevention', 'intrusionPrevention']]
          .filter(([, key]) => (c[key] as Json).state !== (key === 'antiMalware' ? 'on' : 'prevent'))
          .map(([module]) => `${c.ID}:${module}`),
      );
      expect(drift.map((r) => `${r.computer_id}:${r.module}`)).toEqual(drifting);
    }
  });

  it('gives one computer’s history from one flow', async () => {
    for (const flow of [primary, other]) {
      const history = await named('computer-history', flow === primary ? { computer_id: '103' } : { computer_id: '103', flow });
      expect(new Set(history.map((r) => r.flow_name))).toEqual(new Set([flow]));
      const created = history.filter((r) => r.change_type === 'created');
      expect(new Set(created.map((r) => r.snapshot_id))).toEqual(new Set([computerRuns.find((r) => r.flow === flow)!.executionId]));
    }
  });

  it('counts the computers assigned to a changed policy once, from one computers flow', async () => {
    const changes = await named('policy-changes');
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      const at = change.changed_at as Date;
      for (const [params, run] of [[{}, latest(at)], [{ computers_flow: other }, latest(at, other)]] as const) {
        const [row] = (await named('policy-changes', params)).filter((r) => r.field === change.field && r.policy_id === change.policy_id);
        expect(row.computers_assigned).toBe(run.records.filter((c) => c.policyID === change.policy_id).length);
      }
    }
  });

  it('makes the quarterly report name the flow its figures read and the flow it leaves out, in en and ja', async () => {
    const flowsUsed = await rows(sqlFile('report/flows-used'), { as_of: '2026-03-31 23:59:59.999999+00' });
    const quarterEnd = latest(new Date('2026-04-01T00:00:00Z')).flow;
    const leftOut = quarterEnd === FLOW_A ? FLOW_B : FLOW_A;
    expect(flowsUsed).toEqual([{ object: 'computers', flow_used: quarterEnd, other_flows: [leftOut] }]);
    const data = { quarterOver: true, missingWeeks: [], loadErrors: [], previous: {}, flowsUsed } as unknown as ReportData;
    for (const lang of ['en', 'ja'] as const) {
      const notices = reportNotices(data, messages[lang], new Formatter(lang));
      expect(notices).toHaveLength(1);
      expect(notices[0].text).toContain(`${quarterEnd} (computers)`);
      expect(notices[0].text).toContain(`${leftOut} (computers)`);
      expect(notices[0].partial).toBe(false);
    }
  });
});

describe('stopped or terminated cloud instances', () => {
  const at = new Date('2026-04-10T06:00:00Z');
  const instance = (id: number, summary: Json | null, agent: boolean): Json => ({
    ID: id,
    hostName: `vm-${id}`,
    platform: 'Amazon Linux 2023 (64 bit)',
    agentVersion: agent ? '20.0.1-100' : '0.0.0.0',
    computerStatus: { agentStatus: agent ? 'active' : 'inactive' },
    lastAgentCommunication: at.getTime() - 86_400_000,
    antiMalware: { state: 'on' },
    intrusionPrevention: { state: 'prevent' },
    ...(summary ?? {}),
  });
  const records = [
    instance(1, { ec2VirtualMachineSummary: { instanceID: 'i-1', state: 'running' } }, true),
    instance(2, { ec2VirtualMachineSummary: { instanceID: 'i-2', state: 'stopped' } }, false),
    instance(3, { ec2VirtualMachineSummary: { instanceID: 'i-3', state: 'POWER OFF' } }, true),
    instance(4, { ec2VirtualMachineSummary: { instanceID: 'i-4', state: 'POWER ON' } }, false),
    instance(5, { azureARMVirtualMachineSummary: { instanceID: 'vm-5', state: 'deallocated' } }, false),
    instance(6, null, false),
  ];
  const stopped = (c: Json) => {
    const summary = (c.ec2VirtualMachineSummary ?? c.azureARMVirtualMachineSummary) as Json | undefined;
    return summary !== undefined && !['running', 'power on'].includes(String(summary.state).toLowerCase());
  };
  let vmStore: Store;
  let vmRoot: string;

  beforeAll(async () => {
    vmRoot = tempDir('powered-off');
    writeKey(join(vmRoot, 'exports'), `ws-computers/${executionId(90)}/part-0`, jsonLines(records), at);
    const loaded = await loadSnapshots({ source: join(vmRoot, 'exports'), db: join(vmRoot, 'fleet.duckdb') });
    expect(loaded.failures).toEqual([]);
    vmStore = await Store.open(join(vmRoot, 'fleet.duckdb'));
  });

  afterAll(() => {
    vmStore?.closeSync();
    if (vmRoot) rmSync(vmRoot, { recursive: true, force: true });
  });

  it('are counted apart in coverage, not as computers without protection', async () => {
    const running = records.filter((c) => !stopped(c));
    const [agent] = (await vmStore.named('fleet-coverage')).rows.filter((r) => r.os_family === 'all' && r.module === 'agent');
    expect(agent.computers).toBe(running.length);
    expect(agent.covered).toBe(running.filter(hasAgent).length);
    expect(agent.powered_off).toBe(records.filter(stopped).length);
    const flagged = await vmStore.query('SELECT computer_id FROM computer_snapshots WHERE powered_off ORDER BY computer_id');
    expect(flagged.rows.map((r) => r.computer_id)).toEqual(records.filter(stopped).map((c) => c.ID));
  });

  it('are not listed as unprotected computers', async () => {
    const listed = (await vmStore.named('unprotected-computers')).rows.map((r) => r.computer_id);
    expect(listed).toEqual(records.filter((c) => !stopped(c) && !hasAgent(c)).map((c) => c.ID));
  });
});
