import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSnapshots } from '../src/load/load-snapshots';
import { Store } from '../src/store/store';
import { runCli } from './helpers/cli';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const GOOD = '11111111-1111-4111-8111-111111111111';
const BAD = '22222222-2222-4222-8222-222222222222';
const T = new Date('2026-04-01T00:00:00Z');
const computer = (id: number) => ({ ID: id, hostName: `host-${id}`, agentVersion: '20.0.1-100', computerStatus: { agentStatus: 'active' } });
const computers = (...ids: number[]) => ids.map(computer);

async function query(db: string, sql: string) {
  const store = await Store.open(db);
  try {
    return (await store.query(sql)).rows;
  } finally {
    store.closeSync();
  }
}

/** A tree with one good run and one run made of `files`, loaded; the store's view of both. */
async function loadWith(files: Record<string, string | Buffer>) {
  const root = tempDir('malformed');
  const db = join(root, 'store', 'fleet.duckdb');
  writeKey(root, `ws-computers/${GOOD}/part-0`, jsonLines(computers(1, 2)), T);
  for (const [name, content] of Object.entries(files)) writeKey(root, `ws-computers/${BAD}/${name}`, content, T);
  const summary = await loadSnapshots({ source: root, db });
  const runs = await query(db, 'SELECT snapshot_id, row_count FROM snapshots ORDER BY snapshot_id');
  const hosts = (await query(db, `SELECT host_name FROM computer_snapshots WHERE snapshot_id = '${BAD}' ORDER BY computer_id`)).map((r) => r.host_name);
  const errors = await query(db, 'SELECT run_key, file_key, line, message, kind FROM load_errors');
  return { root, db, summary, runs, hosts, errors };
}

/** The run of `files` was refused whole: only the good run is in the store, and the refusal is recorded. */
function expectRefused(result: Awaited<ReturnType<typeof loadWith>>, reason: RegExp) {
  expect(result.summary.runsLoaded).toBe(1);
  expect(result.summary.runsFailed).toBe(1);
  expect(result.runs).toEqual([{ snapshot_id: GOOD, row_count: 2 }]);
  expect(result.summary.failures).toHaveLength(1);
  expect(result.summary.failures[0].message).toMatch(reason);
  expect(result.errors).toEqual([expect.objectContaining({ run_key: `ws-computers/${BAD}`, message: result.summary.failures[0].message })]);
}

describe('a file of a run that cannot be read fails the whole run', () => {
  it('a NUL byte, even in a file named .json: never a run committed with 3 of its 5 records', async () => {
    const result = await loadWith({
      'part-0.json': jsonLines(computers(3, 4, 5)),
      'part-1.json': Buffer.concat([Buffer.from(jsonLines(computers(6))), Buffer.from([0]), Buffer.from(jsonLines(computers(7)))]),
    });
    expectRefused(result, /part-1\.json: binary content \(a NUL byte on line 2\)/);
    expect(result.errors[0]).toMatchObject({ file_key: `ws-computers/${BAD}/part-1.json`, kind: 'unreadable-file' });
  });

  it('a Parquet file with a damaged header', async () => {
    const result = await loadWith({ 'part-0': jsonLines(computers(3)), 'part-1': Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7)]) });
    expectRefused(result, new RegExp(`${BAD}/part-1: `));
    expect(result.errors[0].file_key).toBe(`ws-computers/${BAD}/part-1`);
  });

  it('reads gzipped JSON lines, JSON arrays and CSV, by magic bytes or by name', async () => {
    const result = await loadWith({
      'part-0.json.gz': gzipSync(jsonLines(computers(3, 4))),
      'part-1': gzipSync(JSON.stringify(computers(5))),
      'part-2.gz': gzipSync('ID,hostName,agentVersion\n6,host-6,20.0.1-100\n'),
    });
    expect(result.summary.failures).toEqual([]);
    expect(result.hosts).toEqual(['host-3', 'host-4', 'host-5', 'host-6']);
  });

  it('a gzip file cut short fails its run: DuckDB alone would read the records before the cut', async () => {
    const whole = gzipSync(jsonLines(computers(...Array.from({ length: 400 }, (_, i) => i + 3))));
    const result = await loadWith({ 'part-0.gz': whole.subarray(0, Math.floor(whole.length * 0.6)) });
    expectRefused(result, /part-0\.gz: damaged gzip data/);
  });

  it('a damaged gzip header, and a gzipped Parquet file', async () => {
    expectRefused(await loadWith({ 'part-0.gz': Buffer.from([0x1f, 0x8b, 9, 9, 9, 9, 9, 9]) }), /part-0\.gz: damaged gzip data/);
    const parquet = join(tempDir('parquet'), 'p');
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    await duck.run(`COPY (SELECT 3 AS ID, 'host-3' AS hostName) TO '${parquet}' (FORMAT parquet)`);
    duck.closeSync();
    expectRefused(await loadWith({ 'part-0': gzipSync(readFileSync(parquet)) }), /a gzipped Parquet file/);
  });

  it('skips files no export is (_SUCCESS, a .md) with a notice, but an extensionless file it cannot read fails the run', async () => {
    const loaded = await loadWith({ 'part-0': jsonLines(computers(3)), _SUCCESS: '', 'notes.md': '# notes\n', '.DS_Store': 'x' });
    expect(loaded.summary.failures).toEqual([]);
    expect(loaded.hosts).toEqual(['host-3']);
    expect(loaded.summary.skipped.map((s) => s.key).sort()).toEqual([`ws-computers/${BAD}/.DS_Store`, `ws-computers/${BAD}/_SUCCESS`, `ws-computers/${BAD}/notes.md`]);
    expectRefused(await loadWith({ 'part-0': jsonLines(computers(3)), 'part-1': 'neither JSON nor CSV\n' }), /part-1: neither JSON, CSV nor Parquet/);
  });

  it('a run all of whose files are skipped is refused, never silently gone', async () => {
    const result = await loadWith({ _SUCCESS: '{}', 'README.md': '# a run folder\n' });
    expectRefused(result, new RegExp(`run ws-computers/${BAD}: no records`));
    expect(result.errors[0]).toMatchObject({ file_key: null, kind: 'no-records' });
  });
});

describe('runs that hold no records are refused, not loaded as a fleet of zero', () => {
  for (const [name, content] of [
    ['an empty JSON array', '[]'],
    ['an array of an empty array', '[[]]'],
    ['a header-only CSV', 'ID,hostName,agentVersion\n'],
    ['files of white space and empty arrays', ['  \n', '[]\n']],
  ] as const) {
    it(name, async () => {
      const parts = typeof content === 'string' ? [content] : content;
      const result = await loadWith(Object.fromEntries(parts.map((text, i) => [`part-${i}`, text])));
      expectRefused(result, /no records|where a record \(a JSON object\) was expected/);
    });
  }

  it('a JSON line holding an array of records is read as its records; a line of another value fails its file at its line', async () => {
    const pages = await loadWith({ 'part-0': `${JSON.stringify(computers(3, 4))}\n${JSON.stringify(computer(5))}\n` });
    expect(pages.summary.failures).toEqual([]);
    expect(pages.hosts).toEqual(['host-3', 'host-4', 'host-5']);
    const number = await loadWith({ 'part-0': `${JSON.stringify(computer(3))}\n\n42\n` });
    expectRefused(number, /part-0 line 3: a JSON number where a record \(a JSON object\) was expected/);
    expect(number.errors[0].line).toBe(3);
    const nested = await loadWith({ 'part-0': `${JSON.stringify(computer(3))}\n[[${JSON.stringify(computer(4))}]]\n` });
    expectRefused(nested, /part-0 line 2: a JSON array where a record/);
    const arrayOfArrays = await loadWith({ 'part-0.json': `[\n${JSON.stringify(computer(3))},\n[${JSON.stringify(computer(4))}]\n]\n` });
    expectRefused(arrayOfArrays, /part-0\.json line 3: a JSON array where a record/);
  });
});

describe('valid JSON that tools write is loaded', () => {
  it('JSON lines after a UTF-8 byte-order mark', async () => {
    const result = await loadWith({ 'part-0.json': `\ufeff${jsonLines(computers(3, 4))}` });
    expect(result.summary.failures).toEqual([]);
    expect(result.hosts).toEqual(['host-3', 'host-4']);
  });

  it('a pretty-printed JSON object, several of them, and a pretty-printed array', async () => {
    const result = await loadWith({
      'part-0.json': `${JSON.stringify(computer(3), null, 2)}\n${JSON.stringify(computer(4), null, 2)}\n`,
      'part-1.json': JSON.stringify(computers(5, 6), null, 2),
    });
    expect(result.summary.failures).toEqual([]);
    expect(result.hosts).toEqual(['host-3', 'host-4', 'host-5', 'host-6']);
  });
});

describe('error text names the line that is wrong', () => {
  it('an unbalanced CSV quote names the line it opens on', async () => {
    const csv = 'ID,hostName\n1,a\n2,"b\n3,c\n4,d\n5,"e"\n6,f\n';
    const result = await loadWith({ 'part-0.csv': csv });
    expectRefused(result, /part-0\.csv line 3: /);
  });

  it('bytes that are not UTF-8 name their line, in JSON lines and in CSV', async () => {
    const bad = Buffer.from([0xff, 0xfe]);
    const json = Buffer.concat([Buffer.from('{"ID":1,"hostName":"a"}\n{"ID":2,"hostName":"'), bad, Buffer.from('"}\n{"ID":3,"hostName":"c"}\n')]);
    expectRefused(await loadWith({ 'part-0.json': json }), /part-0\.json line 2: bytes that are not UTF-8 text/);
    const csv = Buffer.concat([Buffer.from('ID,hostName\n1,a\n2,'), bad, Buffer.from('\n3,c\n')]);
    expectRefused(await loadWith({ 'part-0.csv': csv }), /part-0\.csv line 3: bytes that are not UTF-8 text/);
  });
});

describe('through the built CLI', () => {
  it('exits 1 naming the unreadable file, and 1 naming a run with no records; the other run loads', async () => {
    const nul = await loadWith({});
    writeKey(nul.root, `ws-computers/${BAD}/part-0.json`, Buffer.concat([Buffer.from(jsonLines(computers(3))), Buffer.from([0, 0])]), T);
    const db = join(nul.root, 'cli.duckdb');
    const first = await runCli(['load', nul.root, '--db', db, '--quiet']);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(`${BAD}/part-0.json: binary content`);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(join(nul.root, 'ws-computers', BAD, 'part-0.json'), '[]');
    const second = await runCli(['load', nul.root, '--db', db, '--quiet']);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`run ws-computers/${BAD}: no records`));
    expect(await query(db, 'SELECT snapshot_id FROM snapshots')).toEqual([{ snapshot_id: GOOD }]);
  });
});
