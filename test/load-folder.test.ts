import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { loadSnapshots } from '../src/load/load-snapshots';
import { openStore } from '../src/store/store';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const E1 = '11111111-1111-4111-8111-111111111111';
const E2 = '22222222-2222-4222-8222-222222222222';
const E3 = '33333333-3333-4333-8333-333333333333';
const E4 = '44444444-4444-4444-8444-444444444444';
const E5 = '55555555-5555-4555-8555-555555555555';

const computer = (id: number, extra: object = {}) => ({
  ID: id,
  hostName: `host-${id}`,
  displayName: id === 2 ? '経理サーバー' : '',
  agentVersion: '20.0.1-100',
  computerStatus: { agentStatus: 'active', agentStatusMessages: ['管理対象 (オンライン)'] },
  antiMalware: { state: 'on' },
  ...extra,
});

async function rows(db: string, sql: string) {
  const store = await openStore(db);
  try {
    return (await store.query(sql)).rows;
  } finally {
    store.close();
  }
}

async function parquetFile(path: string, sql: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (${sql}) TO $path (FORMAT parquet)`, { path });
  c.closeSync();
}

describe('loading a folder laid out like the bucket', () => {
  it('loads every layout and format, skips what is not an export, and a second load loads nothing', async () => {
    const root = tempDir('folder');
    const t = new Date('2026-03-14T09:00:00Z');
    writeKey(root, 'README.md', '# exports\n', t);
    writeKey(root, `ws-computers/${E1}/part-0`, jsonLines([computer(1), computer(2)]), t);
    writeKey(root, `ws-computers/${E1}/part-1`, JSON.stringify([computer(3)]), t);
    writeKey(root, `ws-policies/schemaVersion_1/2026/03/14/${E2}/p.csv`,
      'ID,name,parentID,intrusionPrevention,policySettings\n1,Base,,"{""state"":""prevent""}","{""platformSettingHeartbeatInterval"":{""value"":""10""}}"\n2,本番,1,"{""state"":""detect""}",\n', t);
    writeKey(root, 'legacy-flow/2025/11/02/07/records.json', jsonLines([{ ID: 9, hostName: 'old' }]), new Date('2030-01-01T00:00:00Z'));
    await parquetFile(join(root, 'placeholder'), 'SELECT 1');
    writeKey(root, `ws-computers/${E3}/region=ap-northeast-1/placeholder`, '');
    await parquetFile(join(root, 'ws-computers', E3, 'region=ap-northeast-1', 'data'),
      `SELECT 4 AS ID, 'host-4' AS hostName, {'agentStatus': 'warning'} AS computerStatus`);

    const first = await loadSnapshots({ source: root, db: join(root, 'fleet.duckdb') });
    expect(first.failures).toEqual([]);
    expect(first.runsLoaded).toBe(4);
    expect(first.skipped.map((s) => s.key).sort()).toEqual(['README.md', 'placeholder', `ws-computers/${E3}/region=ap-northeast-1/placeholder`].sort());

    const snapshots = await rows(join(root, 'fleet.duckdb'), 'SELECT snapshot_id, object, flow_name, time_source, schema_version, file_count, row_count, snapshot_at FROM snapshots ORDER BY snapshot_id');
    expect(snapshots).toEqual([
      { snapshot_id: E1, object: 'computers', flow_name: 'ws-computers', time_source: 'last_modified', schema_version: null, file_count: 2, row_count: 3, snapshot_at: t },
      { snapshot_id: E2, object: 'policies', flow_name: 'ws-policies', time_source: 'last_modified', schema_version: 1, file_count: 1, row_count: 2, snapshot_at: t },
      expect.objectContaining({ snapshot_id: E3, object: 'computers', file_count: 1, row_count: 1 }),
      { snapshot_id: 'legacy-flow/2025/11/02/07', object: 'computers', flow_name: 'legacy-flow', time_source: 'partition', schema_version: null, file_count: 1, row_count: 1, snapshot_at: new Date('2025-11-02T07:00:00Z') },
    ]);

    const records = await rows(join(root, 'fleet.duckdb'), `SELECT record->>'$.hostName' AS host, record->>'$.displayName' AS display, record->>'$.computerStatus.agentStatus' AS status
      FROM fk_records WHERE object = 'computers' ORDER BY host`);
    expect(records).toContainEqual({ host: 'host-2', display: '経理サーバー', status: 'active' });
    expect(records).toContainEqual({ host: 'host-4', display: null, status: 'warning' });
    const policies = await rows(join(root, 'fleet.duckdb'), `SELECT record->>'$.name' AS name, record->>'$.intrusionPrevention.state' AS ips,
      record->>'$.policySettings.platformSettingHeartbeatInterval.value' AS heartbeat FROM fk_records WHERE object = 'policies' ORDER BY name`);
    expect(policies).toEqual([{ name: 'Base', ips: 'prevent', heartbeat: '10' }, { name: '本番', ips: 'detect', heartbeat: null }]);
    const partitions = await rows(join(root, 'fleet.duckdb'), `SELECT partitions::VARCHAR AS p FROM fk_files WHERE snapshot_id = '${E3}'`);
    expect(partitions).toEqual([{ p: '{"region":"ap-northeast-1"}' }]);

    const second = await loadSnapshots({ source: root, db: join(root, 'fleet.duckdb') });
    expect(second).toMatchObject({ runsLoaded: 0, runsReloaded: 0, runsUnchanged: 4, runsFailed: 0, rowsLoaded: 0 });
  });

  it('fails only the run with a malformed file, names its key and line, and loads it once fixed', async () => {
    const root = tempDir('malformed');
    const db = join(root, 'store', 'fleet.duckdb');
    const t = new Date('2026-04-01T00:00:00Z');
    writeKey(root, `ws-computers/${E1}/part-0`, jsonLines([computer(1)]), t);
    writeKey(root, `ws-computers/${E4}/part-0`, jsonLines([computer(1)]), t);
    writeKey(root, `ws-computers/${E4}/part-1`, '{"ID": 2, "hostName": "b"}\n{"ID": 3, "hostName": }\n', t);
    writeKey(root, `ws-policies/${E5}/p.csv`, 'ID,name\n1,Base\n2,Other,extra\n', t);

    const first = await loadSnapshots({ source: root, db });
    expect(first.runsLoaded).toBe(1);
    expect(first.runsFailed).toBe(2);
    expect(first.failures.map((f) => f.message).sort()).toEqual([
      `${root}/ws-computers/${E4}/part-1 line 2: ${first.failures.find((f) => f.fileKey?.endsWith('part-1'))!.message.split('line 2: ')[1]}`,
      `${root}/ws-policies/${E5}/p.csv line 3: 3 cells where the header has 2`,
    ].sort());
    expect(await rows(db, 'SELECT DISTINCT snapshot_id FROM fk_records')).toEqual([{ snapshot_id: E1 }]);
    expect(await rows(db, 'SELECT run_key, snapshot_at FROM fk_load_errors ORDER BY run_key')).toEqual([
      { run_key: `ws-computers/${E4}`, snapshot_at: t },
      { run_key: `ws-policies/${E5}`, snapshot_at: t },
    ]);

    writeKey(root, `ws-computers/${E4}/part-1`, jsonLines([{ ID: 2, hostName: 'b' }, { ID: 3, hostName: 'c' }]), t);
    writeKey(root, `ws-policies/${E5}/p.csv`, 'ID,name\n1,Base\n2,Other\n', t);
    const second = await loadSnapshots({ source: root, db });
    expect(second).toMatchObject({ runsLoaded: 2, runsFailed: 0, runsUnchanged: 1, rowsLoaded: 5 });
    expect(await rows(db, 'SELECT count(*) AS n FROM fk_load_errors')).toEqual([{ n: 0 }]);
  });

  it('reloads a run whose file changed, replacing its rows', async () => {
    const root = tempDir('changed');
    const db = join(root, 'fleet.duckdb');
    const t = new Date('2026-05-01T00:00:00Z');
    writeKey(root, `ws-computers/${E1}/part-0`, jsonLines([computer(1), computer(2)]), t);
    await loadSnapshots({ source: root, db });
    writeKey(root, `ws-computers/${E1}/part-0`, jsonLines([computer(1, { antiMalware: { state: 'off' } })]), new Date('2026-05-01T00:05:00Z'));
    const again = await loadSnapshots({ source: root, db });
    expect(again).toMatchObject({ runsLoaded: 0, runsReloaded: 1, rowsLoaded: 1 });
    expect(await rows(db, `SELECT record->>'$.antiMalware.state' AS am, (SELECT row_count FROM snapshots) AS runs_rows FROM fk_records`)).toEqual([{ am: 'off', runs_rows: 1 }]);
  });
});
