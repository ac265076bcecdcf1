import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns, type GeneratedRun } from '../src/sample/fleet';
import { bindParameters, findNamedQuery } from '../src/store/named-queries';
import { hasAgent, osFamily, outdatedUpdates } from './helpers/expected-records';
import { loadGeneratedRuns, openModelFixture, type ModelFixture } from './helpers/model-fixture';

type Json = Record<string, unknown>;

const runs = [...generateRuns({ computers: 70, weeks: 30, seed: 23, missingWeeks: [9], schemaV2FromWeek: 15 })];
const computerRuns = runs.filter((r) => r.object === 'computers');
const policyRuns = runs.filter((r) => r.object === 'policies');

const MODULES: [string, string][] = [
  ['anti_malware', 'antiMalware'],
  ['web_reputation', 'webReputation'],
  ['firewall', 'firewall'],
  ['intrusion_prevention', 'intrusionPrevention'],
  ['integrity_monitoring', 'integrityMonitoring'],
  ['log_inspection', 'logInspection'],
  ['application_control', 'applicationControl'],
];
const FAMILIES = ['windows', 'linux', 'other'];
const DAY_MS = 86_400_000;

let typed: ModelFixture;
let text: ModelFixture;

beforeAll(async () => {
  typed = await openModelFixture();
  text = await openModelFixture();
  await loadGeneratedRuns(typed, runs, 'typed');
  await loadGeneratedRuns(text, runs, 'text');
});

afterAll(async () => {
  await typed?.close();
  await text?.close();
});

async function named(fixture: ModelFixture, name: string, params: Record<string, unknown> = {}): Promise<Json[]> {
  const query = findNamedQuery(name);
  if (!query) throw new Error(`no query ${name}`);
  return (await fixture.store.query(query.sql, bindParameters(query, params))).rows;
}



function moduleState(record: Json, key: string): string | null {
  return ((record[key] as Json | undefined)?.state as string | undefined) ?? null;
}

/** A cloud instance the record shows stopped or terminated: its summary's state is neither running nor POWER ON. */
function poweredOff(c: Json): boolean {
  const summary = ['ec2VirtualMachineSummary', 'azureARMVirtualMachineSummary', 'azureVMVirtualMachineSummary', 'gcpVirtualMachineSummary']
    .map((key) => c[key] as Json | undefined)
    .find((s) => s?.state != null);
  return summary !== undefined && !['running', 'power on'].includes(String(summary.state).trim().toLowerCase());
}

function status(c: Json): string | null {
  return ((c.computerStatus as Json | undefined)?.agentStatus as string | undefined) ?? null;
}

function versionParts(version: string): number[] {
  return version.split(/[.-]/).map(Number);
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function utcMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** Each UTC month's last computers run. */
function monthEndRuns(): { month: Date; run: GeneratedRun }[] {
  const byMonth = new Map<number, GeneratedRun>();
  for (const run of computerRuns) {
    const month = utcMonth(run.runAt).getTime();
    const seen = byMonth.get(month);
    if (!seen || seen.runAt < run.runAt) byMonth.set(month, run);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a - b).map(([month, run]) => ({ month: new Date(month), run }));
}

function latestAtOrBefore(list: GeneratedRun[], at: Date): GeneratedRun | undefined {
  return list.filter((r) => r.runAt <= at).at(-1);
}

function count<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length;
}

describe('fleet-coverage', () => {
  it('gives per month, OS family and module the share covered, from each month’s last run', async () => {
    const expected: Json[] = [];
    for (const { month, run } of monthEndRuns()) {
      const families = ['all', ...FAMILIES.filter((f) => run.records.some((c) => osFamily(c.platform) === f))];
      for (const family of families) {
        const inFamily = run.records.filter((c) => family === 'all' || osFamily(c.platform) === family);
        const computers = inFamily.filter((c) => !poweredOff(c));
        const agents = computers.filter(hasAgent);
        const row = (module: string, denominator: number, covered: number, prevent: number | null = null, detect: number | null = null) =>
          expected.push({
            month,
            snapshot_id: run.executionId,
            snapshot_at: run.runAt,
            os_family: family,
            module,
            computers: denominator,
            covered,
            coverage: denominator === 0 ? null : covered / denominator,
            prevent,
            detect,
            powered_off: inFamily.filter(poweredOff).length,
          });
        row('agent', computers.length, agents.length);
        for (const [module, key] of MODULES) {
          const on = count(agents, (c) => moduleState(c, key) !== null && moduleState(c, key) !== 'off');
          if (module === 'intrusion_prevention') {
            row(module, agents.length, on, count(agents, (c) => moduleState(c, key) === 'prevent'), count(agents, (c) => moduleState(c, key) === 'detect'));
          } else row(module, agents.length, on);
        }
      }
    }
    const actual = await named(typed, 'fleet-coverage');
    expect(actual).toEqual(expected);
    expect(new Set(actual.map((r) => r.month as Date).map((d) => d.getTime())).size).toBeGreaterThan(5);
    expect(expected.some((r) => Number(r.powered_off) > 0)).toBe(true);
  });

  it('keeps the months that overlap from and to', async () => {
    const months = monthEndRuns();
    const from = new Date(months[2].month.getTime() + 10 * DAY_MS);
    const to = new Date(months[4].month.getTime() + 3 * DAY_MS);
    const actual = await named(typed, 'fleet-coverage', { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) });
    expect([...new Set(actual.map((r) => (r.month as Date).getTime()))]).toEqual(months.slice(2, 5).map((m) => m.month.getTime()));
  });
});

describe('fleet-size', () => {
  it('counts computers and agents per month and OS family', async () => {
    const expected = monthEndRuns().flatMap(({ month, run }) =>
      FAMILIES.map((family) => run.records.filter((c) => osFamily(c.platform) === family))
        .map((computers, i) => ({ family: FAMILIES[i], computers }))
        .filter(({ computers }) => computers.length > 0)
        .map(({ family, computers }) => ({
          month,
          snapshot_id: run.executionId,
          snapshot_at: run.runAt,
          os_family: family,
          computers: computers.length,
          with_agent: count(computers, hasAgent),
        })),
    );
    expect(await named(typed, 'fleet-size')).toEqual(expected);
  });
});

describe('agent-health', () => {
  function expectedHealth(silentDays: number): Json[] {
    return monthEndRuns().map(({ month, run }) => {
      const agents = run.records.filter(hasAgent);
      const newest = agents.map((c) => String(c.agentVersion)).sort(compareVersions).at(-1) ?? null;
      const known = ['active', 'warning', 'error', 'inactive', 'not-supported'];
      return {
        month,
        snapshot_id: run.executionId,
        snapshot_at: run.runAt,
        computers: run.records.length,
        with_agent: agents.length,
        active: count(agents, (c) => status(c) === 'active'),
        warning: count(agents, (c) => status(c) === 'warning'),
        error: count(agents, (c) => status(c) === 'error'),
        inactive: count(agents, (c) => status(c) === 'inactive'),
        not_supported: count(agents, (c) => status(c) === 'not-supported'),
        unknown: count(agents, (c) => !known.includes(String(status(c)))),
        silent: count(agents, (c) => c.lastAgentCommunication == null || run.runAt.getTime() - Number(c.lastAgentCommunication) > silentDays * DAY_MS),
        behind_newest: count(agents, (c) => newest !== null && compareVersions(String(c.agentVersion), newest) < 0),
        outdated_updates: count(agents, (c) => (outdatedUpdates(c)?.length ?? 0) > 0),
        newest_version: newest,
      };
    });
  }

  it('counts statuses, silent agents and agents behind the newest version per month', async () => {
    const expected = expectedHealth(7);
    expect(await named(typed, 'agent-health')).toEqual(expected);
    expect(expected.some((m) => Number(m.silent) > 0 && Number(m.behind_newest) > 0 && Number(m.warning) + Number(m.error) > 0)).toBe(true);
    expect(expected.some((m) => Number(m.outdated_updates) > 0 && Number(m.outdated_updates) < Number(m.with_agent))).toBe(true);
  });

  it('takes the silence threshold as a parameter', async () => {
    const expected = expectedHealth(2);
    expect(await named(typed, 'agent-health', { silent_days: '2' })).toEqual(expected);
    expect(expected.map((m) => m.silent)).not.toEqual(expectedHealth(7).map((m) => m.silent));
  });
});

describe('agent-versions', () => {
  it('counts agents per version, newest first, comparing versions by number', async () => {
    const expected = monthEndRuns().flatMap(({ month, run }) => {
      const versions = [...new Set(run.records.filter(hasAgent).map((c) => String(c.agentVersion)))].sort(compareVersions).reverse();
      return versions.map((version) => ({
        month,
        snapshot_id: run.executionId,
        snapshot_at: run.runAt,
        agent_version: version,
        computers: count(run.records, (c) => hasAgent(c) && c.agentVersion === version),
      }));
    });
    const actual = await named(typed, 'agent-versions');
    expect(actual).toEqual(expected);
    expect(actual.map((r) => r.agent_version)).toContain('20.0.1.17380');
  });
});

describe('policy-changes', () => {
  it('lists the changes in the period with the computers assigned at the time', async () => {
    const from = policyRuns[4].runAt;
    const to = policyRuns[20].runAt;
    const actual = await named(typed, 'policy-changes', { from: from.toISOString(), to: to.toISOString() });
    const view = (await typed.store.query('SELECT * FROM policy_changes WHERE changed_at BETWEEN $from::TIMESTAMPTZ AND $to::TIMESTAMPTZ', {
      from: from.toISOString(),
      to: to.toISOString(),
    })).rows;
    expect(actual.length).toBe(view.length);
    expect(actual.length).toBeGreaterThan(0);
    for (const row of actual) {
      const at = row.changed_at as Date;
      expect(at >= from && at <= to).toBe(true);
      const computers = latestAtOrBefore(computerRuns, at)?.records.filter((c) => c.policyID === row.policy_id) ?? [];
      const hosts = computers.map((c) => ({ host: String(c.hostName), id: Number(c.ID) }));
      hosts.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.id - b.id));
      expect(row.computers_assigned).toBe(computers.length);
      expect(row.assigned_host_names).toEqual(hosts.map((h) => h.host));
    }
    expect(actual.some((r) => Number(r.computers_assigned) > 0)).toBe(true);
  });
});

describe('unprotected-computers', () => {
  function expectedUnprotected(at: Date, required: string[]): Json[] {
    const run = latestAtOrBefore(computerRuns, at) as GeneratedRun;
    const policies = latestAtOrBefore(policyRuns, at);
    const rows: Json[] = [];
    for (const c of run.records.filter((record) => !poweredOff(record))) {
      const off = hasAgent(c)
        ? MODULES.filter(([module, key]) => required.includes(module) && (moduleState(c, key) ?? 'off') === 'off').map(([module]) => module)
        : [];
      const reasons = !hasAgent(c)
        ? ['no_agent']
        : [...(status(c) === 'active' ? [] : [`agent_${status(c) ?? 'unknown'}`]), ...off.map((m) => `${m}_off`)];
      if (reasons.length === 0) continue;
      rows.push({
        snapshot_id: run.executionId,
        computer_id: c.ID,
        policy_id: c.policyID,
        policy_name: policies?.records.find((p) => p.ID === c.policyID)?.name ?? null,
        agent_status: status(c),
        reasons,
        modules_off: off,
      });
    }
    return rows.sort((a, b) => Number(a.computer_id) - Number(b.computer_id));
  }

  const pick = (rows: Json[]) =>
    rows.map(({ snapshot_id, computer_id, policy_id, policy_name, agent_status, reasons, modules_off }) => ({
      snapshot_id,
      computer_id,
      policy_id,
      policy_name,
      agent_status,
      reasons,
      modules_off,
    }));

  it('lists computers without an agent, with an agent not active, or with a required module off, and why', async () => {
    const telling = computerRuns.find((run) => {
      const agents = run.records.filter(hasAgent);
      return agents.length < run.records.length && agents.some((c) => status(c) !== 'active') && agents.some((c) => moduleState(c, 'intrusionPrevention') === 'off');
    }) as GeneratedRun;
    const at = new Date(telling.runAt.getTime() + 3 * DAY_MS);
    const expected = expectedUnprotected(at, ['anti_malware', 'intrusion_prevention']);
    expect(pick(await named(typed, 'unprotected-computers', { as_of: at.toISOString() }))).toEqual(expected);
    expect(expected.some((r) => (r.reasons as string[]).includes('no_agent'))).toBe(true);
    expect(expected.some((r) => (r.modules_off as string[]).length > 0)).toBe(true);
    expect(expected.some((r) => String(r.reasons).startsWith('agent_'))).toBe(true);
  });

  it('checks the modules it is given, and the latest run when no time is given', async () => {
    const all = MODULES.map(([module]) => module);
    const latest = computerRuns.at(-1) as GeneratedRun;
    const expected = expectedUnprotected(latest.runAt, all);
    const actual = pick(await named(typed, 'unprotected-computers', { modules: all.join(', ') }));
    expect(actual).toEqual(expected.map((r) => ({ ...r, policy_name: policyRuns.at(-1)?.records.find((p) => p.ID === r.policy_id)?.name ?? null })));
  });
});

describe('computer-history', () => {
  const FIELDS: [string, (c: Json) => string | null][] = [
    ['policy_id', (c) => (c.policyID == null ? null : String(c.policyID))],
    ['agent_version', (c) => (c.agentVersion as string | null) ?? null],
    ['agent_status', status],
    ...MODULES.map(([module, key]): [string, (c: Json) => string | null] => [`${module}_state`, (c) => moduleState(c, key)]),
  ];

  function nearestPolicyRun(at: Date): GeneratedRun {
    return policyRuns.reduce((best, run) => (Math.abs(run.runAt.getTime() - at.getTime()) < Math.abs(best.runAt.getTime() - at.getTime()) ? run : best));
  }

  function expectedHistory(id: number): Json[] {
    const rows: Json[] = [];
    let previous: { run: GeneratedRun; record: Json | undefined } | null = null;
    for (const [index, run] of computerRuns.entries()) {
      const record = run.records.find((c) => c.ID === id);
      const base = { changed_at: run.runAt, previous_snapshot_at: computerRuns[index - 1]?.runAt ?? null, computer_id: id, snapshot_id: run.executionId };
      const policyName = (c: Json) => nearestPolicyRun(run.runAt).records.find((p) => p.ID === c.policyID)?.name ?? null;
      if (record && !previous?.record) {
        for (const [field, value] of FIELDS) {
          rows.push({ ...base, host_name: record.hostName, change_type: 'created', field, old_value: null, new_value: value(record), policy_id: record.policyID, policy_name: policyName(record) });
        }
      } else if (record && previous?.record) {
        for (const [field, value] of FIELDS) {
          if (value(record) === value(previous.record)) continue;
          rows.push({ ...base, host_name: record.hostName, change_type: 'modified', field, old_value: value(previous.record), new_value: value(record), policy_id: record.policyID, policy_name: policyName(record) });
        }
      } else if (!record && previous?.record) {
        rows.push({ ...base, host_name: previous.record.hostName, change_type: 'deleted', field: null, old_value: null, new_value: null, policy_id: null, policy_name: null });
      }
      if (record || previous) previous = { run, record };
    }
    return rows;
  }

  it('gives every change of policy, agent version, status and module state of each computer', async () => {
    const ids = [...new Set(computerRuns.flatMap((r) => r.records.map((c) => Number(c.ID))))].sort((a, b) => a - b);
    const kinds = new Set<string>();
    for (const id of ids) {
      const expected = expectedHistory(id);
      const actual = (await named(typed, 'computer-history', { computer_id: String(id) })).map(({ flow_name, ...row }) => row);
      expect(actual).toEqual(expected);
      for (const row of expected) kinds.add(`${row.change_type}:${row.field}`);
    }
    for (const kind of ['deleted:null', 'modified:agent_version', 'modified:policy_id', 'modified:agent_status']) expect(kinds).toContain(kind);
  });
});

describe('policy-drift', () => {
  it('lists computers whose module state differs from their policy’s', async () => {
    const at = new Date(computerRuns[20].runAt.getTime() + DAY_MS);
    const computers = latestAtOrBefore(computerRuns, at) as GeneratedRun;
    const policies = latestAtOrBefore(policyRuns, at) as GeneratedRun;
    const expected: Json[] = [];
    for (const c of [...computers.records].sort((a, b) => Number(a.ID) - Number(b.ID))) {
      const policy = policies.records.find((p) => p.ID === c.policyID);
      if (!hasAgent(c) || !policy) continue;
      for (const [module, key] of MODULES) {
        const [mine, theirs] = [moduleState(c, key), moduleState(policy, key)];
        if (theirs !== null && mine !== theirs) {
          expected.push({ computer_id: c.ID, policy_id: c.policyID, policy_name: policy.name, module, computer_state: mine, policy_state: theirs });
        }
      }
    }
    const actual = (await named(typed, 'policy-drift', { as_of: at.toISOString() })).map(
      ({ computer_id, policy_id, policy_name, module, computer_state, policy_state }) => ({ computer_id, policy_id, policy_name, module, computer_state, policy_state }),
    );
    expect(actual).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('all-string records', () => {
  it('give every named query the same answer as typed records', async () => {
    const someone = Number(computerRuns[5].records[3].ID);
    const middle = computerRuns[14].runAt.toISOString();
    const cases: [string, Record<string, unknown>][] = [
      ['fleet-coverage', {}],
      ['fleet-size', {}],
      ['agent-health', {}],
      ['agent-versions', {}],
      ['policy-changes', {}],
      ['unprotected-computers', { as_of: middle }],
      ['computer-history', { computer_id: String(someone) }],
      ['policy-drift', { as_of: middle }],
    ];
    for (const [name, params] of cases) {
      const fromTyped = await named(typed, name, params);
      expect(fromTyped.length, name).toBeGreaterThan(0);
      expect(await named(text, name, params), name).toEqual(fromTyped);
    }
  });
});
