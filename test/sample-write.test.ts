import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns } from '../src/sample/fleet';
import { writeSampleData, type SampleSummary, type WriteSampleOptions, type WrittenRun } from '../src/sample/write';
import type { FleetOptions } from '../src/sample/plan';

const FLEET: FleetOptions = { computers: 40, weeks: 3, seed: 5, schemaV2FromWeek: 2 };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let root: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fleetkit-sample-test-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

async function write(name: string, options: Partial<WriteSampleOptions> = {}): Promise<{ dir: string; summary: SampleSummary; written: WrittenRun[] }> {
  const dir = join(root, name);
  const written: WrittenRun[] = [];
  const summary = await writeSampleData({ ...FLEET, outDir: dir, onRun: (run) => written.push(run), ...options });
  return { dir, summary, written };
}

async function rows(sql: string, params: Record<string, string>): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql, params)).getRowObjectsJS();
}

const expected = [...generateRuns(FLEET)];
const expectedRecords = expected.reduce((sum, run) => sum + run.records.length, 0);

describe('writeSampleData layouts', () => {
  it('writes the default layout: <flow>/<executionId>/<file>', async () => {
    const { dir, written } = await write('default');
    const keys = await filesUnder(dir);
    expect(keys).toHaveLength(6);
    for (const key of keys) expect(key).toMatch(new RegExp(`^ws-(computers|policies)/${UUID}/part-00000\\.json$`));
    expect(keys).toEqual(written.flatMap((run) => run.keys).sort());
    for (const run of written) expect(run.keys[0]).toBe(`${run.flowName}/${run.executionId}/part-00000.json`);
  });

  it('writes the partitioned layout with the schema version and the UTC day of the run', async () => {
    const { dir, written } = await write('partitioned', { layout: 'partitioned' });
    expect(await filesUnder(dir)).toEqual(written.flatMap((run) => run.keys).sort());
    for (const run of written) {
      const day = run.runAt.toISOString().slice(0, 10).replaceAll('-', '/');
      const version = run.runAt.getTime() >= expected[4].runAt.getTime() ? 2 : 1;
      expect(run.keys).toEqual([`${run.flowName}/schemaVersion_${version}/${day}/${run.executionId}/part-00000.json`]);
    }
    expect(written.map((run) => run.keys[0].split('/')[1])).toEqual(['schemaVersion_1', 'schemaVersion_1', 'schemaVersion_1', 'schemaVersion_1', 'schemaVersion_2', 'schemaVersion_2']);
  });

  it('writes the dated layout with hour folders and no execution id', async () => {
    const { dir, written } = await write('dated', { layout: 'dated' });
    const keys = await filesUnder(dir);
    expect(keys).toEqual([
      'ws-computers/2025/07/07/01/part-00000.json',
      'ws-computers/2025/07/14/01/part-00000.json',
      'ws-computers/2025/07/21/01/part-00000.json',
      'ws-policies/2025/07/07/01/part-00000.json',
      'ws-policies/2025/07/14/01/part-00000.json',
      'ws-policies/2025/07/21/01/part-00000.json',
    ]);
    expect(written.map((run) => run.keys[0]).sort()).toEqual(keys);
  });

  it('sets each file mtime to a few seconds after its run, and splits runs into pages', async () => {
    const { dir, summary, written } = await write('pages', { filesPerRun: 3 });
    expect(summary.files).toBe(18);
    for (const run of written) {
      expect(run.keys.map((key) => key.split('/').pop())).toEqual(['part-00000.json', 'part-00001.json', 'part-00002.json']);
      for (const [page, key] of run.keys.entries()) {
        const { mtimeMs } = await stat(join(dir, key));
        expect(mtimeMs).toBe(run.runAt.getTime() + (3 + page) * 1000);
      }
    }
    let lines = 0;
    for (const key of await filesUnder(dir)) lines += (await readFile(join(dir, key), 'utf8')).trimEnd().split('\n').length;
    expect(lines).toBe(expectedRecords);
  });

  it('writes the same bytes for the same options', async () => {
    const first = await write('again-1', { format: 'csv' });
    const second = await write('again-2', { format: 'csv' });
    const keys = await filesUnder(first.dir);
    expect(await filesUnder(second.dir)).toEqual(keys);
    for (const key of keys) expect((await readFile(join(second.dir, key))).equals(await readFile(join(first.dir, key))), key).toBe(true);
  });
});

describe('writeSampleData formats', () => {
  it('writes JSON lines and returns a summary per flow that matches the files', async () => {
    const { dir, summary } = await write('json-lines');
    const parsed = [];
    let bytes = 0;
    for (const key of await filesUnder(dir)) {
      const text = await readFile(join(dir, key), 'utf8');
      bytes += Buffer.byteLength(text);
      parsed.push(...text.trimEnd().split('\n').map((line) => JSON.parse(line)));
    }
    expect(parsed).toHaveLength(expectedRecords);
    expect(summary.records).toBe(expectedRecords);
    expect(summary.bytes).toBe(bytes);
    expect(summary.flows.map((flow) => [flow.flowName, flow.object, flow.runs, flow.files])).toEqual([
      ['ws-computers', 'computers', 3, 3],
      ['ws-policies', 'policies', 3, 3],
    ]);
    expect(summary.flows[0].records + summary.flows[1].records).toBe(expectedRecords);
  });

  it('writes one JSON array per file', async () => {
    const { dir, written } = await write('json-array', { format: 'json-array' });
    for (const run of written) {
      const records = JSON.parse(await readFile(join(dir, run.keys[0]), 'utf8'));
      expect(records).toEqual(expected.find((candidate) => candidate.executionId === run.executionId)?.records);
    }
  });

  it('writes CSV that DuckDB reads back, nested values as JSON text', async () => {
    const { dir, written } = await write('csv', { format: 'csv' });
    const run = written.find((candidate) => candidate.object === 'computers') as WrittenRun;
    const path = join(dir, run.keys[0]);
    expect(path.endsWith('.csv')).toBe(true);
    const read = await rows(
      `SELECT ID, hostName, displayName, computerStatus, agentFingerPrint FROM read_csv($path, header = true, all_varchar = true) ORDER BY TRY_CAST(ID AS INTEGER)`,
      { path },
    );
    const source = (expected.find((candidate) => candidate.executionId === run.executionId)?.records ?? []) as Record<string, unknown>[];
    expect(read).toHaveLength(source.length);
    for (const [index, row] of read.entries()) {
      expect(row.ID).toBe(String(source[index].ID));
      expect(row.hostName).toBe(source[index].hostName);
      expect(row.displayName ?? '').toBe(source[index].displayName);
      expect(JSON.parse(String(row.computerStatus))).toEqual(source[index].computerStatus);
      expect(row.agentFingerPrint).toBe(source[index].agentFingerPrint);
    }
  });

  it('writes typed Parquet without a file extension', async () => {
    const { dir, written } = await write('parquet', { format: 'parquet', filesPerRun: 2 });
    const run = written.find((candidate) => candidate.object === 'computers') as WrittenRun;
    expect(run.keys.map((key) => key.split('/').pop())).toEqual(['part-00000', 'part-00001']);
    const path = join(dir, run.keys[0]);
    const types = Object.fromEntries(
      (await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($path))`, { path })).map((row) => [row.column_name, row.column_type]),
    );
    expect(types.ID).toBe('BIGINT');
    expect(types.lastAgentCommunication).toBe('BIGINT');
    expect(types.hostGUID).toBe('VARCHAR');
    expect(types.computerStatus).toBe('STRUCT(agentStatus VARCHAR, agentStatusMessages VARCHAR[])');
    expect(types.intrusionPrevention).toContain('ruleIDs BIGINT[]');
    const both = run.keys.map((key) => join(dir, key));
    const [first, second] = await Promise.all(both.map((file) => rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($file))`, { file })));
    expect(second).toEqual(first);
    const source = (expected.find((candidate) => candidate.executionId === run.executionId)?.records ?? []) as Record<string, unknown>[];
    const read = [];
    for (const file of both) read.push(...(await rows(`SELECT to_json(p)::VARCHAR AS record FROM read_parquet($file) AS p`, { file })));
    expect(read.map((row) => JSON.parse(String(row.record)).hostGUID)).toEqual(source.map((record) => record.hostGUID));
    expect(JSON.parse(String(read[0].record)).computerStatus).toEqual(source[0].computerStatus);
  });

  it('writes all-string Parquet, nested values as JSON text, like AppFlow without source typing', async () => {
    const { dir, written } = await write('parquet-strings', { format: 'parquet-strings' });
    const run = written.find((candidate) => candidate.object === 'policies') as WrittenRun;
    const path = join(dir, run.keys[0]);
    const columns = await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($path))`, { path });
    expect(columns.length).toBeGreaterThan(10);
    for (const column of columns) expect(column.column_type).toBe('VARCHAR');
    const source = (expected.find((candidate) => candidate.executionId === run.executionId)?.records ?? []) as Record<string, unknown>[];
    const read = await rows(`SELECT ID, parentID, policySettings FROM read_parquet($path)`, { path });
    expect(read.map((row) => row.ID)).toEqual(source.map((record) => String(record.ID)));
    expect(read[0].parentID).toBeNull();
    expect(JSON.parse(String(read[1].policySettings))).toEqual(source[1].policySettings);
  });
});
