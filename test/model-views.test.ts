import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns, type GeneratedRun } from '../src/sample/fleet';
import { catalogObject } from '../src/store/object-catalog';
import { Store } from '../src/store/store';
import { hasAgent, osFamily, outdatedUpdates } from './helpers/expected-records';
import { loadGeneratedRun, loadGeneratedRuns, openModelFixture, type ModelFixture } from './helpers/model-fixture';

type Json = Record<string, unknown>;

const MISSING_WEEK = 7;
const SCHEMA_V2_WEEK = 18;
const runs = [...generateRuns({ computers: 60, weeks: 30, seed: 11, missingWeeks: [MISSING_WEEK], schemaV2FromWeek: SCHEMA_V2_WEEK })];
const computerRuns = runs.filter((r) => r.object === 'computers');
const policyRuns = runs.filter((r) => r.object === 'policies');

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

async function rows(fixture: ModelFixture, sql: string, params?: Record<string, string | number | null>): Promise<Json[]> {
  return (await fixture.store.query(sql, params)).rows;
}



function state(record: Json, module: string): unknown {
  return (record[module] as Json | undefined)?.state ?? null;
}

function utcMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** computer_snapshots as docs/data-model.md defines it, from the generator's records (record and version key aside). */
function expectedComputerRow(run: GeneratedRun, record: Json): Json {
  const lastContact = record.lastAgentCommunication == null ? null : new Date(Number(record.lastAgentCommunication));
  const ec2 = (record.ec2VirtualMachineSummary as Json | undefined) ?? null;
  return {
    snapshot_id: run.executionId,
    snapshot_at: run.runAt,
    computer_id: record.ID,
    host_name: record.hostName,
    display_name: record.displayName,
    platform: record.platform,
    policy_id: record.policyID,
    group_id: record.groupID,
    agent_version: record.agentVersion,
    agent_status: (record.computerStatus as Json).agentStatus,
    last_agent_communication: lastContact,
    cloud_account_id: ec2?.accountID ?? null,
    cloud_instance_id: ec2?.instanceID ?? null,
    anti_malware_state: state(record, 'antiMalware'),
    web_reputation_state: state(record, 'webReputation'),
    firewall_state: state(record, 'firewall'),
    intrusion_prevention_state: state(record, 'intrusionPrevention'),
    integrity_monitoring_state: state(record, 'integrityMonitoring'),
    log_inspection_state: state(record, 'logInspection'),
    application_control_state: state(record, 'applicationControl'),
    os_family: osFamily(record.platform),
    has_agent: hasAgent(record),
    days_since_communication: lastContact === null ? null : (run.runAt.getTime() - lastContact.getTime()) / 86_400_000,
    month: utcMonth(run.runAt),
    outdated_updates: outdatedUpdates(record),
    flow_name: run.flowName,
    schema_version: run.schemaVersion,
  };
}

const computerColumns = Object.keys(expectedComputerRow(computerRuns[0], computerRuns[0].records[0])).join(', ');

function byKey(key: (row: Json) => string): (a: Json, b: Json) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

const computerOrder = byKey((row) => `${(row.snapshot_at as Date).toISOString()} ${String(row.computer_id).padStart(9, '0')}`);

/**
 * A policy record's leaves as policy_changes compares them: dot path → text; lists whole; nulls left out;
 * a module's `moduleStatus` (the console's status display, not configuration) left out.
 */
function policyLeaves(value: Json, prefix = '', leaves = new Map<string, string>()): Map<string, string> {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (child === null || child === undefined || (key === 'moduleStatus' && prefix !== '')) continue;
    if (Array.isArray(child)) leaves.set(path, JSON.stringify(child));
    else if (typeof child === 'object') {
      if (Object.keys(child).length === 0) leaves.set(path, '{}');
      else policyLeaves(child as Json, path, leaves);
    } else leaves.set(path, String(child));
  }
  return leaves;
}

/** How one object's changes are named: its id and name columns, the record's name field, and its leaves. */
interface ChangeShape {
  idColumn: string;
  nameColumn: string;
  nameOf: (record: Json) => unknown;
  leavesOf: (record: Json) => Map<string, string>;
}

/** Every change between consecutive loaded runs of one object, diffed here in TypeScript. */
function expectedChanges(loaded: GeneratedRun[], shape: ChangeShape): Json[] {
  const changes: Json[] = [];
  for (let i = 1; i < loaded.length; i++) {
    const [before, after] = [loaded[i - 1], loaded[i]];
    const schemaChanged = before.schemaVersion !== after.schemaVersion;
    const old = new Map(before.records.map((r) => [Number(r.ID), r]));
    const now = new Map(after.records.map((r) => [Number(r.ID), r]));
    const base = { changed_at: after.runAt, previous_snapshot_at: before.runAt, snapshot_id: after.executionId, previous_snapshot_id: before.executionId };
    const row = (id: number, record: Json, change_type: string, field: string | null, old_value: string | null, new_value: string | null) =>
      changes.push({ ...base, [shape.idColumn]: id, [shape.nameColumn]: shape.nameOf(record), change_type, field, old_value, new_value });
    for (const [id, record] of now) if (!old.has(id)) row(id, record, 'created', null, null, null);
    for (const [id, record] of old) if (!now.has(id)) row(id, record, 'deleted', null, null, null);
    for (const [id, record] of now) {
      const previous = old.get(id);
      if (!previous) continue;
      const [a, b] = [shape.leavesOf(previous), shape.leavesOf(record)];
      for (const field of new Set([...a.keys(), ...b.keys()])) {
        const [oldValue, newValue] = [a.get(field), b.get(field)];
        if (oldValue === newValue) continue;
        if (schemaChanged && (oldValue === undefined || newValue === undefined)) continue;
        row(id, record, 'modified', field, oldValue ?? null, newValue ?? null);
      }
    }
  }
  return changes;
}

function expectedPolicyChanges(loaded: GeneratedRun[]): Json[] {
  return expectedChanges(loaded, { idColumn: 'policy_id', nameColumn: 'policy_name', nameOf: (p) => p.name, leavesOf: (p) => policyLeaves(p) });
}

/** The leaves computer_changes leaves out: times of communication, scans, sends and updates; patterns; status texts. */
function computerVolatile(path: string): boolean {
  return (
    ['lastAgentCommunication', 'lastSendPolicyRequest', 'lastSendPolicySuccess', 'computerStatus.agentStatusMessages'].includes(path) ||
    path === 'securityUpdates' ||
    path.startsWith('securityUpdates.') ||
    /(^|\.)moduleStatus(\.|$)/.test(path) ||
    /\.last[A-Za-z]*Scan$/.test(path)
  );
}

function expectedComputerChanges(loaded: GeneratedRun[]): Json[] {
  return expectedChanges(loaded, {
    idColumn: 'computer_id',
    nameColumn: 'host_name',
    nameOf: (c) => c.hostName,
    leavesOf: (c) => new Map([...policyLeaves(c)].filter(([path]) => !computerVolatile(path))),
  });
}

const computerChangeOrder = byKey(
  (row) => `${(row.changed_at as Date).toISOString()} ${String(row.computer_id).padStart(9, '0')} ${row.change_type} ${row.field}`,
);
const computerChangeColumns =
  'changed_at, previous_snapshot_at, snapshot_id, previous_snapshot_id, computer_id, host_name, change_type, field, old_value, new_value';

const changeOrder = byKey((row) => `${(row.changed_at as Date).toISOString()} ${String(row.policy_id).padStart(6, '0')} ${row.change_type} ${row.field}`);
const changeColumns = 'changed_at, previous_snapshot_at, snapshot_id, previous_snapshot_id, policy_id, policy_name, change_type, field, old_value, new_value';

describe('computer_snapshots', () => {
  it('has one row per computer per run with the design columns taken from the records', async () => {
    const expected = computerRuns.flatMap((run) => run.records.map((record) => expectedComputerRow(run, record))).sort(computerOrder);
    const actual = (await rows(typed, `SELECT ${computerColumns} FROM computer_snapshots`)).sort(computerOrder);
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
  });

  it('keeps each source record whole', async () => {
    const run = computerRuns[3];
    const actual = await rows(typed, 'SELECT computer_id, record FROM computer_snapshots WHERE snapshot_id = $id', { id: run.executionId });
    const records = new Map(actual.map((row) => [row.computer_id, JSON.parse(String(row.record))]));
    expect(records.size).toBe(run.records.length);
    for (const record of run.records) expect(records.get(record.ID)).toEqual(record);
  });

  it('compares agent versions numerically part by part', async () => {
    const [row] = await rows(
      typed,
      `SELECT count(*) FILTER (WHERE agent_version = '20.0.1.690') AS old_ones,
         bool_and(agent_version_key > [20, 0, 1, 690]) FILTER (WHERE agent_version = '20.0.1.17380') AS newer
       FROM computer_snapshots`,
    );
    expect(Number(row.old_ones)).toBeGreaterThan(0);
    expect(row.newer).toBe(true);
  });

  it('reads a field added by a newer schemaVersion from the record, NULL before it', async () => {
    const found = await rows(
      typed,
      `SELECT schema_version, count(*) FILTER (WHERE record ->> '$.agentGUID' IS NOT NULL) AS with_guid, count(*) AS n
       FROM computer_snapshots WHERE has_agent GROUP BY schema_version ORDER BY schema_version`,
    );
    expect(found.map((r) => [r.schema_version, Number(r.with_guid) > 0, Number(r.with_guid) === Number(r.n)])).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
  });
});

describe('policy_snapshots', () => {
  it('has one row per policy per run with its modules, settings map and record', async () => {
    const expected = policyRuns
      .flatMap((run) =>
        run.records.map((p) => ({
          snapshot_id: run.executionId,
          snapshot_at: run.runAt,
          policy_id: p.ID,
          name: p.name,
          parent_id: p.parentID,
          description: p.description,
          anti_malware_state: state(p, 'antiMalware'),
          intrusion_prevention_state: state(p, 'intrusionPrevention'),
          application_control_state: state(p, 'applicationControl'),
          settings: Object.fromEntries(Object.entries(p.policySettings as Record<string, { value: string }>).map(([k, v]) => [k, v.value])),
          record: p,
        })),
      )
      .sort(byKey((row) => `${row.snapshot_id} ${String(row.policy_id).padStart(6, '0')}`));
    const actual = (
      await rows(
        typed,
        `SELECT snapshot_id, snapshot_at, policy_id, name, parent_id, description, anti_malware_state,
           intrusion_prevention_state, application_control_state, settings, record
         FROM policy_snapshots`,
      )
    )
      .map((row) => ({ ...row, record: JSON.parse(String(row.record)) }))
      .sort(byKey((row) => `${row.snapshot_id} ${String(row.policy_id).padStart(6, '0')}`));
    expect(actual).toEqual(expected);
  });
});

/**
 * Loads three consecutive runs newest first, then the oldest, then the middle one, each by its own load, and checks
 * the changes view against the changes diffed here between them in time order.
 */
async function expectPairedBySnapshotTime(
  [oldest, middle, newest]: GeneratedRun[],
  sql: string,
  expectedOf: (runs: GeneratedRun[]) => Json[],
  order: (a: Json, b: Json) => number,
): Promise<void> {
  const fixture = await openModelFixture();
  try {
    for (const run of [newest, oldest, middle]) await loadGeneratedRun(fixture, run);
    const expected = expectedOf([oldest, middle, newest]).sort(order);
    expect(expected.length).toBeGreaterThan(0);
    expect((await rows(fixture, sql)).sort(order)).toEqual(expected);
  } finally {
    await fixture.close();
  }
}

describe('policy_changes', () => {
  it('lists every leaf that changed between consecutive runs, and policies created and deleted', async () => {
    const expected = expectedPolicyChanges(policyRuns).sort(changeOrder);
    const actual = (await rows(typed, `SELECT ${changeColumns} FROM policy_changes`)).sort(changeOrder);
    expect(expected.some((c) => c.change_type === 'created')).toBe(true);
    expect(expected.some((c) => c.change_type === 'deleted')).toBe(true);
    expect(expected.some((c) => String(c.field).startsWith('policySettings.'))).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('compares across a missing run with the previous run that exists', async () => {
    const before = policyRuns.find((r) => r.week === MISSING_WEEK - 1) as GeneratedRun;
    const after = policyRuns.find((r) => r.week === MISSING_WEEK + 1) as GeneratedRun;
    const found = await rows(typed, 'SELECT DISTINCT previous_snapshot_id FROM policy_changes WHERE snapshot_id = $id', { id: after.executionId });
    expect(found).toEqual([{ previous_snapshot_id: before.executionId }]);
  });

  it('pairs runs by snapshot time, not by load time: the newest export loaded first, the older ones after it', async () => {
    const changed = policyRuns.findIndex((run, i) => i > 0 && expectedPolicyChanges([policyRuns[i - 1], run]).length > 0);
    await expectPairedBySnapshotTime(policyRuns.slice(changed - 1, changed + 2), `SELECT ${changeColumns} FROM policy_changes`, expectedPolicyChanges, changeOrder);
  });

  it('does not report fields that a new schemaVersion adds as changes', async () => {
    const [row] = await rows(typed, `SELECT count(*) AS n FROM policy_changes WHERE field LIKE 'deviceControl.%'`);
    expect(Number(row.n)).toBe(0);
    const [present] = await rows(typed, `SELECT count(*) AS n FROM policy_snapshots WHERE record ->> '$.deviceControl.state' = 'off'`);
    expect(Number(present.n)).toBeGreaterThan(0);
  });
});

describe('computer_changes', () => {
  it('lists every leaf that changed between consecutive runs but the volatile ones, and computers created and deleted', async () => {
    const expected = expectedComputerChanges(computerRuns).sort(computerChangeOrder);
    const actual = (await rows(typed, `SELECT ${computerChangeColumns} FROM computer_changes`)).sort(computerChangeOrder);
    for (const kind of ['created', 'deleted']) expect(expected.some((c) => c.change_type === kind)).toBe(true);
    for (const field of ['agentVersion', 'policyID', 'computerStatus.agentStatus']) expect(expected.some((c) => c.field === field)).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('answers for one computer what the whole timeline holds for it', async () => {
    const [busiest] = await rows(typed, 'SELECT computer_id FROM computer_changes GROUP BY ALL ORDER BY count(*) DESC, computer_id LIMIT 1');
    const expected = expectedComputerChanges(computerRuns)
      .filter((c) => c.computer_id === busiest.computer_id)
      .sort(computerChangeOrder);
    const actual = await rows(typed, `SELECT ${computerChangeColumns} FROM computer_changes WHERE computer_id = $id`, { id: Number(busiest.computer_id) });
    expect(expected.length).toBeGreaterThan(2);
    expect(actual.sort(computerChangeOrder)).toEqual(expected);
  });
});

describe('computer_changes kept by the loader', () => {
  /** The first three consecutive computers runs, the first two of which differ. */
  function threeRunsWithChanges(): GeneratedRun[] {
    const i = computerRuns.findIndex((run, k) => k > 0 && expectedComputerChanges([computerRuns[k - 1], run]).length > 0);
    return computerRuns.slice(i - 1, i + 2);
  }

  it('pairs runs by snapshot time, not by load time: the newest export loaded first, the older ones after it', async () => {
    await expectPairedBySnapshotTime(threeRunsWithChanges(), `SELECT ${computerChangeColumns} FROM computer_changes`, expectedComputerChanges, computerChangeOrder);
  });

  it('a run reloaded with other records changes its own rows and those of the run after it', async () => {
    const [first, second, third] = threeRunsWithChanges();
    const fixture = await openModelFixture();
    try {
      await loadGeneratedRuns(fixture, [first, second, third]);
      const renamed = { ...second, records: second.records.map((r, i) => (i % 3 === 0 ? { ...r, hostName: `renamed-${i}`, description: 'moved' } : r)) };
      await loadGeneratedRun(fixture, renamed);
      const expected = expectedComputerChanges([first, renamed, third]).sort(computerChangeOrder);
      expect(expected.some((c) => c.field === 'hostName' && c.snapshot_id === third.executionId)).toBe(true);
      expect((await rows(fixture, `SELECT ${computerChangeColumns} FROM computer_changes`)).sort(computerChangeOrder)).toEqual(expected);
    } finally {
      await fixture.close();
    }
  });

  it('refuses while a load has not compared its runs, and the next load compares them', async () => {
    const loaded = computerRuns.slice(0, 4);
    const fixture = await openModelFixture();
    try {
      await loadGeneratedRuns(fixture, loaded);
      // What a load that stopped between writing its runs and comparing them leaves.
      await fixture.store.run('DELETE FROM fk_computer_changes; DELETE FROM fk_computer_change_pairs');
      await expect(fixture.store.query('SELECT count(*) FROM computer_changes WHERE computer_id = 1')).rejects.toThrow(
        /computer_changes is not up to date: 4 computers run\(s\).*run fleetkit load again/,
      );
      const summary = await fixture.load(loaded, 'typed');
      expect(summary.runsUnchanged).toBe(loaded.length);
      const expected = expectedComputerChanges(loaded).sort(computerChangeOrder);
      expect((await rows(fixture, `SELECT ${computerChangeColumns} FROM computer_changes`)).sort(computerChangeOrder)).toEqual(expected);
    } finally {
      await fixture.close();
    }
  });

  it('a settling stopped inside a run leaves that run unsettled, even if its old pair of runs comes back', async () => {
    const fixture = await openModelFixture();
    try {
      await loadGeneratedRuns(fixture, computerRuns.slice(0, 6));
      const { settle } = catalogObject('computers')!;
      // Every pair stale, as a run loaded between two others makes it; then shares of about two computers, stopped
      // after the first share of a run that spans several.
      await fixture.store.run("UPDATE fk_computer_change_pairs SET previous_loaded_at = previous_loaded_at - INTERVAL '1 second'");
      const [{ bytes }] = await rows(fixture, 'SELECT max(size // row_count) AS bytes FROM fk_files');
      await fixture.store.query(settle!.plan, { bytes: 2 * Number(bytes) });
      const [split] = await rows(fixture, 'SELECT snapshot_id, first_share FROM fk_settle_runs WHERE first_share < last_share ORDER BY first_share LIMIT 1');
      for (let share = 0; share <= Number(split.first_share); share++) await fixture.store.transaction(() => fixture.store.run(settle!.share, { share }));
      // The stale pair of that run made current again (a reload of the run between would do it).
      await fixture.store.run("UPDATE fk_computer_change_pairs SET previous_loaded_at = previous_loaded_at + INTERVAL '1 second' WHERE snapshot_id = $id", {
        id: String(split.snapshot_id),
      });
      const [state] = await rows(fixture, 'SELECT settled FROM fk_computer_change_runs WHERE snapshot_id = $id', { id: String(split.snapshot_id) });
      expect(state.settled).toBe(false);
      await expect(fixture.store.query('SELECT count(*) FROM computer_changes')).rejects.toThrow(/not up to date/);
    } finally {
      await fixture.close();
    }
  });

  it('gives the same rows when the comparing is cut into shares of a few computers, a run split over several', async () => {
    const expected = expectedComputerChanges(computerRuns).sort(computerChangeOrder);
    await typed.store.run('DELETE FROM fk_computer_change_pairs');
    const [{ bytes }] = await rows(typed, 'SELECT max(size // row_count) AS bytes FROM fk_files');
    // Shares of about ten computers each: runs are split over several.
    await typed.store.query(catalogObject('computers')!.settle!.plan, { bytes: 10 * Number(bytes) });
    const [{ split }] = await rows(typed, 'SELECT count(*) AS split FROM fk_settle_runs WHERE first_share < last_share');
    expect(Number(split)).toBeGreaterThan(0);
    await typed.store.settle(10 * Number(bytes));
    const [{ left }] = await rows(typed, "SELECT count(*) AS left FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'fk_settle_')");
    expect(Number(left)).toBe(0);
    const [{ n }] = await rows(typed, 'SELECT count(*) AS n FROM fk_computer_changes');
    expect(Number(n)).toBe(expected.length);
    expect((await rows(typed, `SELECT ${computerChangeColumns} FROM computer_changes`)).sort(computerChangeOrder)).toEqual(expected);
  });
});

describe('as-of macros', () => {
  it('return each computer and policy as the latest run at or before the time saw it', async () => {
    const checks: [Date, GeneratedRun | null, GeneratedRun | null][] = [[new Date(computerRuns[0].runAt.getTime() - 1000), null, null]];
    for (let i = 0; i < computerRuns.length; i++) {
      const next = computerRuns[i + 1]?.runAt.getTime() ?? computerRuns[i].runAt.getTime() + 86_400_000;
      const between = new Date((computerRuns[i].runAt.getTime() + next) / 2);
      const policiesThen = policyRuns.filter((p) => p.runAt <= between).at(-1) ?? null;
      checks.push([between, computerRuns[i], policiesThen], [computerRuns[i].runAt, computerRuns[i], policyRuns.filter((p) => p.runAt <= computerRuns[i].runAt).at(-1) ?? null]);
    }
    for (const [at, computers, policies] of checks) {
      const c = await rows(typed, 'SELECT DISTINCT snapshot_id, computer_id FROM computers_as_of($at::TIMESTAMPTZ)', { at: at.toISOString() });
      expect(new Set(c.map((r) => r.snapshot_id))).toEqual(new Set(computers ? [computers.executionId] : []));
      expect(c.map((r) => r.computer_id).sort()).toEqual((computers?.records ?? []).map((r) => r.ID).sort());
      const p = await rows(typed, 'SELECT DISTINCT snapshot_id, policy_id FROM policies_as_of($at::TIMESTAMPTZ)', { at: at.toISOString() });
      expect(new Set(p.map((r) => r.snapshot_id))).toEqual(new Set(policies ? [policies.executionId] : []));
      expect(p.length).toBe(policies?.records.length ?? 0);
    }
  });

  it('fall back to the run before a missing one', async () => {
    const before = computerRuns.find((r) => r.week === MISSING_WEEK - 1) as GeneratedRun;
    const missingWeekTime = new Date(before.runAt.getTime() + 7 * 86_400_000 + 3_600_000);
    const found = await rows(typed, 'SELECT DISTINCT snapshot_id FROM computers_as_of($at::TIMESTAMPTZ)', { at: missingWeekTime.toISOString() });
    expect(found).toEqual([{ snapshot_id: before.executionId }]);
  });
});

describe('all-string records', () => {
  it('give the same views as typed records', async () => {
    const queries = [
      `SELECT * EXCLUDE (record) FROM computer_snapshots ORDER BY snapshot_at, computer_id`,
      `SELECT * EXCLUDE (record) FROM policy_snapshots ORDER BY snapshot_at, policy_id`,
      `SELECT * FROM policy_changes ORDER BY changed_at, policy_id, change_type, field`,
    ];
    for (const sql of queries) {
      const [fromTyped, fromText] = [await rows(typed, sql), await rows(text, sql)];
      expect(fromTyped.length).toBeGreaterThan(0);
      expect(fromText).toEqual(fromTyped);
    }
  });

  it('are stored as text', async () => {
    const [row] = await rows(text, `SELECT json_type(record, '$.ID') AS id_type FROM computer_snapshots LIMIT 1`);
    expect(row.id_type).toBe('VARCHAR');
  });
});

describe('records from an older schemaVersion', () => {
  it('give NULL for the fields they lack', async () => {
    const fixture = await openModelFixture();
    try {
      const run = computerRuns[0];
      const stripped = run.records.map(({ computerStatus, webReputation, lastAgentCommunication, platform, ...rest }) => rest);
      await loadGeneratedRun(fixture, { ...run, records: stripped });
      const found = await rows(
        fixture,
        `SELECT count(*) AS n, count(agent_status) AS statuses, count(web_reputation_state) AS web, count(last_agent_communication) AS contact,
           count(days_since_communication) AS days, count(platform) AS platforms, bool_and(os_family = 'other') AS other,
           count(anti_malware_state) AS anti_malware
         FROM computer_snapshots`,
      );
      expect(found).toEqual([{ n: run.records.length, statuses: 0, web: 0, contact: 0, days: 0, platforms: 0, other: true, anti_malware: run.records.length }]);
    } finally {
      await fixture.close();
    }
  });
});

describe('maintenance', () => {
  it('re-deriving or reloading a run replaces its model rows, and reopening the store reinstalls the model', async () => {
    const fixture = await openModelFixture();
    try {
      const [computers, policies] = [computerRuns[0], policyRuns[0]];
      await loadGeneratedRuns(fixture, [computers, policies]);
      const counts = async () =>
        rows(
          fixture,
          `SELECT (SELECT count(*) FROM computer_snapshots) AS computers, (SELECT count(*) FROM policy_snapshots) AS policies,
             (SELECT count(*) FROM fk_policy_leaves) AS leaves`,
        );
      const first = await counts();
      await fixture.store.transaction(() => fixture.store.deriveAgain([computers.executionId]));
      await fixture.store.transaction(() => fixture.store.deriveAgain([policies.executionId]));
      expect(await counts()).toEqual(first);

      await loadGeneratedRun(fixture, { ...computers, records: computers.records.slice(0, 5) });
      const [reloaded] = await counts();
      expect(reloaded.computers).toBe(5);

      const path = fixture.store.path;
      fixture.store.closeSync();
      const reopened = await Store.open(path);
      try {
        expect((await reopened.query('SELECT count(*) AS n FROM computer_snapshots')).rows).toEqual([{ n: 5 }]);
      } finally {
        reopened.closeSync();
      }
    } finally {
      await fixture.close().catch(() => undefined);
    }
  });
});
