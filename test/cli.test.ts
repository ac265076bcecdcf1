import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSampleData } from '../src/sample/write';
import { CLI, runCli } from './helpers/cli';
import { tempDir } from './helpers/tree';
import { commands } from '../src/cli/commands';

let work: string;
let db: string;

beforeAll(async () => {
  work = tempDir('cli');
  db = join(work, 'fleet.duckdb');
  await writeSampleData({ outDir: join(work, 'exports'), computers: 40, weeks: 14, seed: 7, layout: 'partitioned', format: 'json' });
  const load = await runCli(['load', join(work, 'exports'), '--db', db, '--quiet']);
  expect(load.status).toBe(0);
}, 120_000);

async function readParquet(path: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($path)', { path });
  return reader.getRowObjectsJson();
}

describe('fleetkit query', () => {
  it('lists the named queries with what they answer and their parameters', async () => {
    const list = await runCli(['query', '--list']);
    expect(list.status).toBe(0);
    for (const name of ['fleet-coverage', 'fleet-size', 'agent-health', 'agent-versions', 'policy-changes', 'unprotected-computers', 'computer-history', 'policy-drift']) {
      expect(list.stdout).toMatch(new RegExp(`^${name}\\n    \\S`, 'm'));
    }
    expect(list.stdout).toContain('--param silent_days=<INTEGER> (default 7)');
  });

  it('prints JSON rows with integers as numbers, dates and times as ISO-8601 strings', async () => {
    const result = await runCli(['query', 'fleet-size', '--db', db, '--format', 'json', '--param', 'from=2025-09-01', '--param', 'to=2025-09-30']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.month).toBe('2025-09-01');
      expect(row.snapshot_at).toMatch(/^2025-09-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(typeof row.computers).toBe('number');
      expect(typeof row.with_agent).toBe('number');
    }
  });

  it('stops quietly when the reader closes the pipe early, as `| head` does', async () => {
    const child = spawn(process.execPath, [CLI, 'query', 'SELECT range AS n FROM range(300000)', '--db', db, '--format', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const firstChunk = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(firstChunk.startsWith('n\r\n0\r\n')).toBe(true);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('writes CSV with quoting, an aligned table, Parquet and Arrow of the same rows', async () => {
    const sql = `SELECT 'a,"b"' AS tricky, '経理' AS name, 42::BIGINT AS n`;
    const csv = await runCli(['query', sql, '--db', db, '--format', 'csv']);
    expect(csv.stdout).toBe('tricky,name,n\r\n"a,""b""",経理,42\r\n');
    const table = await runCli(['query', sql, '--db', db]);
    expect(table.stdout.split('\n')[0]).toMatch(/^tricky\s+name\s+n$/);
    expect(table.stdout).toContain('1 row');

    const parquet = join(work, 'size.parquet');
    const viaParquet = await runCli(['query', 'fleet-size', '--db', db, '--format', 'parquet', '--out', parquet, '--param', 'to=2025-08-31']);
    expect(viaParquet.status).toBe(0);
    const json = JSON.parse((await runCli(['query', 'fleet-size', '--db', db, '--format', 'json', '--param', 'to=2025-08-31'])).stdout);
    const fromParquet = await readParquet(parquet);
    expect(fromParquet.map((r) => Number(r.computers))).toEqual(json.map((r: { computers: number }) => r.computers));

    const arrow = join(work, 'size.arrow');
    expect((await runCli(['query', 'fleet-size', '--db', db, '--format', 'arrow', '--out', arrow])).status).toBe(0);
    const table2 = tableFromIPC(readFileSync(arrow));
    expect(table2.numRows).toBeGreaterThan(json.length - 1);
    expect(table2.schema.fields.map((f) => f.name)).toContain('computers');
  });

  it('runs a .sql file', async () => {
    const file = join(work, 'count.sql');
    writeFileSync(file, 'SELECT count(*) AS runs FROM snapshots WHERE object = $object;\n');
    const result = await runCli(['query', file, '--db', db, '--format', 'json', '--param', 'object=computers']);
    expect(JSON.parse(result.stdout)).toEqual([{ runs: 14 }]);
  });

  it('refuses bad input with a one-line reason and a non-zero status', async () => {
    const unknownQuery = await runCli(['query', 'fleet-sise', '--db', db]);
    expect(unknownQuery.status).toBe(2);
    expect(unknownQuery.stderr).toContain('no query named "fleet-sise"');
    const unknownParam = await runCli(['query', 'fleet-size', '--db', db, '--param', 'form=2025-01-01']);
    expect(unknownParam.status).toBe(2);
    expect(unknownParam.stderr.trim()).toBe('fleetkit query: query fleet-size has no parameter "form" (it takes: from, to, flow)');
    const badDate = await runCli(['query', 'fleet-size', '--db', db, '--param', "from=2025-01-01'; DROP TABLE fk_runs; --"]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('must be a date like 2026-03-14');
    const noStore = await runCli(['query', 'SELECT 1', '--db', join(work, 'missing.duckdb')]);
    expect(noStore.status).toBe(2);
    expect(noStore.stderr).toContain('no store at');
    const badFormat = await runCli(['query', 'SELECT 1', '--db', db, '--format', 'xml']);
    expect(badFormat.status).toBe(2);
    const sqlError = await runCli(['query', 'SELECT * FROM no_such_table', '--db', db]);
    expect(sqlError.status).toBe(1);
    expect(sqlError.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('fleetkit load, chart, report, sample-data', () => {
  it('says clearly when the source is not there', async () => {
    const result = await runCli(['load', join(work, 'nowhere'), '--db', join(work, 'x.duckdb')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nowhere: no such folder/);
  });

  it('every command has --help, and no command is a usage error', async () => {
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['load', 'query', 'chart', 'report', 'prune', 'demo', 'sample-data']));
    for (const { name: command } of commands) {
      const help = await runCli([command, '--help']);
      expect(help.status, command).toBe(0);
      expect(help.stdout, command).toMatch(/^Usage: fleetkit /);
    }
    expect((await runCli([])).status).toBe(2);
    expect((await runCli(['frobnicate'])).status).toBe(2);
  });

  it('draws a chart as SVG and as a Vega-Lite spec', async () => {
    const svg = join(work, 'coverage.svg');
    const result = await runCli(['chart', 'coverage-trend', '--db', db, '--out', svg, '--from', '2025-08-01']);
    expect(result.status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[^>]*>/);
    const spec = join(work, 'sizes.vl.json');
    expect((await runCli(['chart', 'fleet-size', '--db', db, '--out', spec])).status).toBe(0);
    expect(JSON.parse(readFileSync(spec, 'utf8')).$schema).toContain('vega-lite');
    expect((await runCli(['chart', 'no-such-chart', '--db', db, '--out', svg])).stderr).toContain('unknown chart "no-such-chart"');
  });

  it('writes the quarterly report with its evidence and manifest', async () => {
    const out = join(work, 'report');
    const result = await runCli(['report', '--quarter', '2025Q3', '--db', db, '--out', out]);
    expect(result.stderr).not.toContain('fleetkit report:');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2025Q3 as of /);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.quarter).toBe('2025Q3');
    expect(readdirSync(join(out, 'evidence')).sort()).toEqual(
      ['control-results.csv', 'control-results.parquet', 'inventory.csv', 'inventory.parquet', 'policy-changes.csv', 'policy-changes.parquet'],
    );
    const empty = await runCli(['report', '--quarter', '2024Q1', '--db', db, '--out', join(work, 'empty-report')]);
    expect(empty.status).toBe(1);
  });

  it('writes sample data in the layout and format asked for', async () => {
    const out = join(work, 'sample');
    const result = await runCli(['sample-data', '--out', out, '--computers', '12', '--weeks', '2', '--format', 'csv', '--layout', 'dated']);
    expect(result.status).toBe(0);
    const files = readdirSync(join(out, 'ws-computers'), { recursive: true }).map(String).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\d{2}\/part-00000\.csv$/);
  });
});
