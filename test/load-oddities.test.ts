import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SAMPLE_DATA_DIR } from '../src/sample/committed';
import { loadSnapshots } from '../src/load/load-snapshots';
import { Store } from '../src/store/store';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const RUN = '33333333-3333-4333-8333-333333333333';
const POLICIES = '44444444-4444-4444-8444-444444444444';
const T = new Date('2026-04-01T00:00:00Z');
const ms = (iso: string) => new Date(iso).getTime();
const computer = (id: unknown, extra: object = {}) => ({
  ID: id, hostName: `host-${String(id)}`, agentVersion: '20.0.1-100', platform: 'Ubuntu 22.04',
  lastAgentCommunication: ms('2026-03-31T10:00:00Z'), computerStatus: { agentStatus: 'active' }, ...extra,
});

async function query(db: string, sql: string) {
  const store = await Store.open(db);
  try {
    return (await store.query(sql)).rows;
  } finally {
    store.closeSync();
  }
}

async function load(files: Record<string, string>, times: Record<string, Date> = {}) {
  const root = tempDir('oddities');
  const db = join(root, 'fleet.duckdb');
  for (const [key, content] of Object.entries(files)) writeKey(root, key, content, times[key] ?? T);
  const summary = await loadSnapshots({ source: root, db });
  return { root, db, summary };
}

describe('odd records are counted and reported, never folded into the figures', () => {
  it('the same ID twice in one run is one computer: identical copies merge, differing ones keep the newest', async () => {
    const older = computer(4, { antiMalware: { state: 'off' }, lastAgentCommunication: ms('2026-03-30T08:00:00Z') });
    const newer = computer(4, { antiMalware: { state: 'on' }, lastAgentCommunication: ms('2026-03-31T09:00:00Z') });
    const page0 = [computer(1), computer(2), computer(3), newer];
    const page1 = [computer(3), older, computer(5)];
    const { db, summary } = await load({ [`ws-computers/${RUN}/part-0`]: jsonLines(page0), [`ws-computers/${RUN}/part-1`]: jsonLines(page1) });
    const ids = new Set([...page0, ...page1].map((c) => c.ID));
    const rows = await query(db, 'SELECT computer_id, anti_malware_state FROM computer_snapshots ORDER BY computer_id');
    expect(rows.map((r) => r.computer_id)).toEqual([...ids]);
    expect(rows.find((r) => r.computer_id === 4)?.anti_malware_state).toBe('on');
    expect(await query(db, 'SELECT row_count FROM snapshots')).toEqual([{ row_count: page0.length + page1.length }]);
    const duplicates = summary.notices.filter((n) => n.kind === 'duplicate-id');
    // Of identical copies the last read stands; of differing ones the newest lastAgentCommunication.
    expect(duplicates.map((n) => n.message)).toEqual([
      `ws-computers/${RUN}/part-0 record 3: ID 3 again, an identical copy of ws-computers/${RUN}/part-1 record 1`,
      `ws-computers/${RUN}/part-1 record 2: ID 4 again, with other values: counted once, as ws-computers/${RUN}/part-0 record 4 (latest lastAgentCommunication, else the last read)`,
    ]);
    expect(await query(db, `SELECT kind, file_key, line FROM load_errors ORDER BY message`)).toEqual(
      duplicates.map((n) => ({ kind: 'duplicate-id', file_key: n.fileKey, line: null })),
    );
  });

  it('records without an ID, or with an ID that is not an integer or beyond BIGINT, are not computers', async () => {
    const good = [computer(1), computer('2')];
    const odd = [computer(null), { hostName: 'no-id' }, computer('abc'), computer(12.5), computer('99999999999999999999')];
    const { db, summary } = await load({ [`ws-computers/${RUN}/part-0`]: jsonLines([...good, ...odd]) });
    expect(await query(db, 'SELECT computer_id FROM computer_snapshots ORDER BY 1')).toEqual([{ computer_id: 1 }, { computer_id: 2 }]);
    expect(summary.notices.map((n) => n.kind).sort()).toEqual(['invalid-id', 'invalid-id', 'invalid-id', 'missing-id', 'missing-id']);
    expect(await query(db, `SELECT count(*) AS n FROM load_errors WHERE kind IN ('missing-id', 'invalid-id')`)).toEqual([{ n: odd.length }]);
    expect(await query(db, 'SELECT count(*) AS n FROM fk_records')).toEqual([{ n: good.length + odd.length }]);
  });

  it('a policy in a computers flow is not a computer, and a computer in a policies flow is not a policy', async () => {
    const policy = { ID: 7, name: 'Base', parentID: null, policySettings: { platformSettingHeartbeatInterval: { value: '10' } } };
    const { db, summary } = await load({
      [`ws-computers/${RUN}/part-0`]: jsonLines([computer(1), policy]),
      [`ws-policies/${POLICIES}/part-0`]: jsonLines([policy, computer(8)]),
    });
    expect(await query(db, 'SELECT computer_id FROM computer_snapshots')).toEqual([{ computer_id: 1 }]);
    expect(await query(db, 'SELECT policy_id FROM policy_snapshots')).toEqual([{ policy_id: 7 }]);
    expect(summary.notices.filter((n) => n.kind === 'other-object').map((n) => n.message).sort()).toEqual([
      `ws-computers/${RUN}/part-0 record 2: a policy record in a computers flow; left out of computers`,
      `ws-policies/${POLICIES}/part-0 record 2: a computer record in a policies flow; left out of policies`,
    ]);
  });

  it('a newer schemaVersion with IDs as strings, ISO times and drifted key casing reads as the documented one', async () => {
    const drifted = { id: '5', Hostname: 'host-5', agentVersion: '20.0.1-100', platform: 'Windows Server 2022', lastAgentCommunication: '2026-03-31T10:00:00Z', computerStatus: { agentStatus: 'active' }, policyid: '3', agentGuid: 'g-5' };
    const both = { ID: 6, id: 999, hostName: 'host-6', lastAgentCommunication: String(ms('2026-03-31T11:00:00Z')) };
    const { db } = await load({ [`ws-computers/schemaVersion_3/2026/03/31/${RUN}/part-0`]: jsonLines([drifted, both]) });
    expect(await query(db, 'SELECT computer_id, host_name, policy_id, last_agent_communication, os_family FROM computer_snapshots ORDER BY 1')).toEqual([
      { computer_id: 5, host_name: 'host-5', policy_id: 3, last_agent_communication: new Date('2026-03-31T10:00:00Z'), os_family: 'windows' },
      { computer_id: 6, host_name: 'host-6', policy_id: null, last_agent_communication: new Date('2026-03-31T11:00:00Z'), os_family: 'other' },
    ]);
    expect(await query(db, `SELECT record->>'$.id' AS raw FROM computer_snapshots WHERE computer_id = 5`)).toEqual([{ raw: '5' }]);
  });

  it('a CSV text cell that looks like JSON stays text; nested columns are still parsed', async () => {
    const csv = 'ID,hostName,description,computerStatus,antiMalware\n1,"[1,2]","{""a"":1}","{""agentStatus"":""warning""}","{""state"":""on""}"\n';
    const { db } = await load({ [`ws-computers/${RUN}/part-0.csv`]: csv });
    expect(await query(db, `SELECT host_name, agent_status, anti_malware_state, json_type(record->'$.hostName') AS host_type,
      json_type(record->'$.description') AS description_type FROM computer_snapshots`)).toEqual([
      { host_name: '[1,2]', agent_status: 'warning', anti_malware_state: 'on', host_type: 'VARCHAR', description_type: 'VARCHAR' },
    ]);
  });
});

describe('the snapshot time is no older than the communications its records show', () => {
  it('a day folder gives the start of the day; the newest communication inside that day is the floor', async () => {
    const day = '2026/03/14';
    const records = [
      computer(1, { lastAgentCommunication: ms('2026-03-14T08:30:00Z') }),
      computer(2, { lastAgentCommunication: ms('2026-03-14T06:00:00Z'), lastSendPolicySuccess: ms('2026-03-14T09:45:00Z') }),
      computer(3, { lastAgentCommunication: ms('2026-03-16T00:00:00Z') }), // a wrong clock: outside the day, ignored
      computer(4, { lastAgentCommunication: ms('2026-03-10T00:00:00Z') }),
    ];
    const key = `ws-computers/schemaVersion_1/${day}/${RUN}/part-0`;
    const policies = `ws-policies/schemaVersion_1/${day}/${POLICIES}/part-0`;
    const copied = new Date('2026-11-01T00:00:00Z'); // LastModified outside the day: a copied bucket
    const { db } = await load({ [key]: jsonLines(records), [policies]: jsonLines([{ ID: 1, name: 'Base', policySettings: {} }]) }, { [key]: copied, [policies]: copied });
    const start = ms('2026-03-14T00:00:00Z');
    const end = ms('2026-03-15T00:00:00Z');
    const floor = Math.max(...records.flatMap((r) => [r.lastAgentCommunication, (r as { lastSendPolicySuccess?: number }).lastSendPolicySuccess ?? 0]).filter((t) => t >= start && t < end));
    expect(await query(db, 'SELECT object, snapshot_at, time_source FROM snapshots ORDER BY object')).toEqual([
      { object: 'computers', snapshot_at: new Date(floor), time_source: 'records' },
      { object: 'policies', snapshot_at: new Date(start), time_source: 'partition' },
    ]);
    const days = await query(db, 'SELECT computer_id, days_since_communication AS d FROM computer_snapshots WHERE computer_id <> 3 ORDER BY 1');
    for (const { computer_id, d } of days) {
      const record = records.find((r) => r.ID === computer_id)!;
      expect(d).toBeCloseTo((floor - record.lastAgentCommunication) / 86_400_000, 6);
      expect(d as number).toBeGreaterThanOrEqual(0);
    }
  });

  it('the bundled sample (day folders, files copied since) has no negative days_since_communication', async () => {
    const root = tempDir('sample');
    const flow = join(SAMPLE_DATA_DIR, 'ws-computers');
    const runs = readdirSync(flow, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).slice(0, 3);
    for (const file of runs) cpSync(join(file.parentPath, file.name), join(root, relative(SAMPLE_DATA_DIR, file.parentPath), file.name));
    const db = join(root, 'fleet.duckdb');
    expect((await loadSnapshots({ source: root, db })).runsLoaded).toBe(runs.length);
    const [row] = await query(db, `SELECT min(days_since_communication) AS least, count(DISTINCT snapshot_id) FILTER (WHERE time_source = 'records') AS floored FROM computer_snapshots JOIN snapshots USING (snapshot_id)`);
    expect(row.least as number).toBeGreaterThanOrEqual(0);
    expect(row.floored).toBe(runs.length);
  });
});

describe('load_errors', () => {
  it('keeps a loaded run\'s notices across loads, replaces them when it reloads, and a failed run\'s error until it loads', async () => {
    const root = tempDir('notices');
    const db = join(root, 'fleet.duckdb');
    const key = `ws-computers/${RUN}/part-0`;
    const broken = `ws-computers/${POLICIES}/part-0.json`;
    writeKey(root, key, jsonLines([computer(1), computer(1)]), T);
    writeKey(root, broken, '{"ID": 1}\n{"ID": }\n', T);
    await loadSnapshots({ source: root, db });
    const columns = await query(db, 'SELECT column_name FROM (DESCRIBE load_errors)');
    expect(columns.map((c) => c.column_name)).toEqual(expect.arrayContaining(['run_key', 'flow_name', 'file_key', 'line', 'message', 'failed_at', 'snapshot_at', 'kind']));
    const first = await query(db, 'SELECT kind, file_key, line FROM load_errors ORDER BY kind');
    expect(first).toEqual([{ kind: 'duplicate-id', file_key: key, line: null }, { kind: 'unreadable-file', file_key: broken, line: 2 }]);

    await loadSnapshots({ source: root, db });
    expect(await query(db, 'SELECT kind FROM load_errors ORDER BY kind')).toEqual([{ kind: 'duplicate-id' }, { kind: 'unreadable-file' }]);

    writeKey(root, key, jsonLines([computer(1), computer(2)]), new Date('2026-04-01T00:10:00Z'));
    writeKey(root, broken, jsonLines([computer(1)]), T);
    const fixed = await loadSnapshots({ source: root, db });
    expect(fixed.notices.filter((n) => n.kind === 'duplicate-id')).toEqual([]);
    expect(await query(db, 'SELECT count(*) AS n FROM load_errors')).toEqual([{ n: 0 }]);
  });
});
