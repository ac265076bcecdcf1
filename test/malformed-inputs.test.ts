import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadSnapshots, type LoadSummary } from '../src/load/load-snapshots';
import { openStore } from '../src/store/store';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

// A campaign of hostile and odd inputs. Each case writes one run beside a good run; whatever the case holds, the load
// must end either exact (the case run's computers are exactly the ones the case says) or with that run refused,
// naming the file (and line), while the good run loads. Nothing else counts as "clear".

const GOOD = '00000000-0000-4000-8000-000000000001';
const CASE = '00000000-0000-4000-8000-000000000002';
const GOOD_IDS = [101, 102, 103];
const AT = new Date('2026-03-02T10:00:00Z');
const LATER = new Date('2026-03-09T10:00:00Z');

const computer = (id: unknown, extra: object = {}) => ({
  ID: id,
  hostName: `host-${String(id)}`,
  agentVersion: '20.0.1-100',
  computerStatus: { agentStatus: 'active' },
  antiMalware: { state: 'on' },
  lastAgentCommunication: LATER.getTime() - 60_000,
  ...extra,
});
const policy = (id: number) => ({ ID: id, name: `Policy ${id}`, parentID: null, policySettings: { x: { value: '1' } } });

type Expect =
  | { load: number[]; notice?: true; communicated?: true }
  | { refuse: string; line?: number }
  | { loadOrRefuse: number[]; file: string };

interface Case {
  name: string;
  /** Files of the case run, keyed by file name inside the run folder. */
  files: Record<string, string | Buffer | ((path: string) => Promise<void> | void)>;
  expect: Expect;
}

async function parquet(path: string, sql: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (${sql}) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
}

const lines = (...records: object[]) => jsonLines(records);
const csvComputers = 'ID,hostName,agentVersion,computerStatus,antiMalware\n' +
  '1,host-1,20.0.1-100,"{""agentStatus"":""active""}","{""state"":""on""}"\n' +
  '2,host-2,20.0.1-100,"{""agentStatus"":""active""}","{""state"":""off""}"\n';
const invalidUtf8 = Buffer.concat([
  Buffer.from(`${JSON.stringify(computer(1))}\n{"ID": 2, "hostName": "`),
  Buffer.from([0xc3, 0x28]),
  Buffer.from('"}\n'),
]);

const cases: Case[] = [
  { name: 'JSON lines', files: { 'part-0': lines(computer(1), computer(2)) }, expect: { load: [1, 2] } },
  { name: 'a JSON array', files: { 'part-0': JSON.stringify([computer(1), computer(2)]) }, expect: { load: [1, 2] } },
  { name: 'JSON lines with a UTF-8 BOM', files: { 'part-0': `\ufeff${lines(computer(1), computer(2))}` }, expect: { load: [1, 2] } },
  { name: 'a pretty-printed JSON object', files: { 'part-0.json': JSON.stringify(computer(1), null, 2) }, expect: { load: [1] } },
  { name: 'a pretty-printed JSON array', files: { 'part-0.json': JSON.stringify([computer(1), computer(2)], null, 2) }, expect: { load: [1, 2] } },
  { name: 'CRLF line ends', files: { 'part-0': lines(computer(1), computer(2)).replace(/\n/g, '\r\n') }, expect: { load: [1, 2] } },
  { name: 'blank lines between records', files: { 'part-0': `${JSON.stringify(computer(1))}\n\n\n${JSON.stringify(computer(2))}\n\n` }, expect: { load: [1, 2] } },
  { name: 'no newline at the end', files: { 'part-0': `${JSON.stringify(computer(1))}\n${JSON.stringify(computer(2))}` }, expect: { load: [1, 2] } },
  { name: 'records as an array on one JSON line', files: { 'part-0': `${JSON.stringify([computer(1), computer(2)])}\n${JSON.stringify(computer(3))}\n` }, expect: { load: [1, 2, 3] } },
  {
    name: 'pages of records on lines longer than the sniffed head',
    files: { 'part-0': [0, 1, 2].map((page) => JSON.stringify(Array.from({ length: 40 }, (_, i) => computer(page * 40 + i + 1, { padding: 'p'.repeat(2000) })))).join('\n') + '\n' },
    expect: { load: Array.from({ length: 120 }, (_, i) => i + 1) },
  },
  {
    name: 'a one-line JSON array longer than the sniffed head',
    files: { 'part-0': JSON.stringify(Array.from({ length: 60 }, (_, i) => computer(i + 1, { padding: 'p'.repeat(2000) }))) },
    expect: { load: Array.from({ length: 60 }, (_, i) => i + 1) },
  },
  { name: 'Japanese text', files: { 'part-0': lines(computer(1, { displayName: '経理サーバー' })) }, expect: { load: [1] } },
  { name: 'a very long line', files: { 'part-0': lines(computer(1, { description: 'x'.repeat(3_000_000) })) }, expect: { load: [1] } },
  { name: 'unknown extra fields', files: { 'part-0': lines(computer(1, { agentGUID: 'a', somethingNew: { deep: [1] } })) }, expect: { load: [1] } },
  { name: 'a file in two parts of one run', files: { 'part-0': lines(computer(1)), 'part-1': lines(computer(2)) }, expect: { load: [1, 2] } },
  { name: 'an empty JSON array', files: { 'part-0': '[]' }, expect: { refuse: 'part-0' } },
  { name: 'an array of arrays', files: { 'part-0': JSON.stringify([[computer(1)]]) }, expect: { refuse: 'part-0' } },
  { name: 'only white space', files: { 'part-0': '  \n\n ' }, expect: { refuse: 'part-0' } },
  { name: 'an empty file alone in its run', files: { 'part-0': '' }, expect: { refuse: 'part-0' } },
  { name: 'a header-only CSV', files: { 'part-0.csv': 'ID,hostName,agentVersion\n' }, expect: { refuse: 'part-0.csv' } },
  { name: 'empty arrays in every file', files: { 'part-0': '[]', 'part-1': '[]\n' }, expect: { refuse: 'part-' } },
  { name: 'a line cut short at the end', files: { 'part-0': `${JSON.stringify(computer(1))}\n{"ID": 2, "hostNa` }, expect: { refuse: 'part-0', line: 2 } },
  { name: 'a syntax error on line 3', files: { 'part-0': `${JSON.stringify(computer(1))}\n${JSON.stringify(computer(2))}\n{"ID": 3,, }\n` }, expect: { refuse: 'part-0', line: 3 } },
  { name: 'a NUL byte in a .json file', files: { 'part-0.json': `${JSON.stringify(computer(1))}\n{"ID": 2, "hostName": "a\u0000b"}\n` }, expect: { refuse: 'part-0.json' } },
  { name: 'a NUL byte in a file without extension', files: { 'part-0': lines(computer(1)), 'part-1': Buffer.concat([Buffer.from(lines(computer(2))), Buffer.from([0, 0, 0])]) }, expect: { refuse: 'part-1' } },
  { name: 'invalid UTF-8 on line 2', files: { 'part-0': invalidUtf8 }, expect: { refuse: 'part-0', line: 2 } },
  { name: 'a number on a line', files: { 'part-0': `${JSON.stringify(computer(1))}\n42\n` }, expect: { refuse: 'part-0', line: 2 } },
  { name: 'a string on a line', files: { 'part-0': `${JSON.stringify(computer(1))}\n"hello"\n` }, expect: { refuse: 'part-0', line: 2 } },
  { name: 'null on a line', files: { 'part-0': `${JSON.stringify(computer(1))}\nnull\n` }, expect: { refuse: 'part-0', line: 2 } },
  { name: 'JSON lines gzipped, named .gz', files: { 'part-0.gz': gzipSync(lines(computer(1), computer(2))) }, expect: { load: [1, 2] } },
  { name: 'JSON lines gzipped, no extension', files: { 'part-0': gzipSync(lines(computer(1), computer(2))) }, expect: { load: [1, 2] } },
  { name: 'a gzipped JSON array', files: { 'part-0.json.gz': gzipSync(JSON.stringify([computer(1)])) }, expect: { load: [1] } },
  { name: 'a gzipped CSV', files: { 'part-0.csv.gz': gzipSync(csvComputers) }, expect: { load: [1, 2] } },
  { name: 'a corrupt gzip file', files: { 'part-0.gz': Buffer.concat([gzipSync(lines(computer(1))).subarray(0, 20), Buffer.from('garbage')]) }, expect: { refuse: 'part-0.gz' } },
  { name: 'a Parquet file', files: { 'part-0': (p) => parquet(p, `SELECT 1 AS ID, 'host-1' AS hostName, '20.0.1-100' AS agentVersion, {'agentStatus': 'active'} AS computerStatus`) }, expect: { load: [1] } },
  { name: 'all-string Parquet', files: { 'part-0': (p) => parquet(p, `SELECT '1' AS ID, 'host-1' AS hostName, '{"agentStatus":"active"}' AS computerStatus`) }, expect: { load: [1] } },
  {
    name: 'a Parquet file with a damaged header',
    files: {
      'part-0': lines(computer(1)),
      'part-1': async (p) => {
        await parquet(p, `SELECT 2 AS ID, 'host-2' AS hostName`);
        const { readFileSync, writeFileSync } = await import('node:fs');
        const bytes = readFileSync(p);
        bytes.write('XXXX', 0, 'latin1');
        writeFileSync(p, bytes);
      },
    },
    expect: { refuse: 'part-1' },
  },
  {
    name: 'a Parquet file cut short',
    files: {
      'part-0': async (p) => {
        await parquet(p, `SELECT range AS ID, 'h' || range AS hostName FROM range(1, 200)`);
        const { readFileSync, writeFileSync } = await import('node:fs');
        writeFileSync(p, readFileSync(p).subarray(0, 300));
      },
    },
    expect: { refuse: 'part-0' },
  },
  { name: 'a CSV with JSON cells', files: { 'part-0.csv': csvComputers }, expect: { load: [1, 2] } },
  { name: 'a CSV with a BOM', files: { 'part-0.csv': `\ufeff${csvComputers}` }, expect: { load: [1, 2] } },
  { name: 'a CSV with CRLF line ends', files: { 'part-0.csv': csvComputers.replace(/\n/g, '\r\n') }, expect: { load: [1, 2] } },
  { name: 'a CSV with an unbalanced quote on line 3', files: { 'part-0.csv': 'ID,hostName\n1,a\n2,"b\n3,c\n4,d\n5,e\n' }, expect: { refuse: 'part-0.csv', line: 3 } },
  { name: 'a CSV row with an extra cell', files: { 'part-0.csv': 'ID,hostName\n1,a\n2,b,c\n' }, expect: { refuse: 'part-0.csv', line: 3 } },
  { name: 'a CSV row with a missing cell', files: { 'part-0.csv': 'ID,hostName,agentVersion\n1,a,20.0\n2,b\n' }, expect: { refuse: 'part-0.csv', line: 3 } },
  { name: 'a .json file holding CSV', files: { 'part-0.json': 'ID,hostName\n1,a\n' }, expect: { refuse: 'part-0.json' } },
  { name: 'a README beside the records', files: { 'part-0': lines(computer(1)), 'README.md': '# notes\n' }, expect: { load: [1] } },
  { name: 'one good file and one broken file', files: { 'part-0': lines(computer(1), computer(2)), 'part-1': '{"ID": 3\n' }, expect: { refuse: 'part-1', line: 1 } },
  { name: 'the same ID twice, identical', files: { 'part-0': lines(computer(1), computer(2)), 'part-1': lines(computer(2)) }, expect: { load: [1, 2], notice: true } },
  { name: 'the same ID twice, different', files: { 'part-0': lines(computer(1), computer(2, { antiMalware: { state: 'off' } }), computer(2)) }, expect: { load: [1, 2], notice: true } },
  { name: 'a record without ID', files: { 'part-0': lines(computer(1), { hostName: 'no-id', agentVersion: '20.0.1-100' }) }, expect: { load: [1], notice: true } },
  { name: 'an ID that is not a number', files: { 'part-0': lines(computer(1), computer('abc')) }, expect: { load: [1], notice: true } },
  { name: 'an ID beyond BIGINT', files: { 'part-0': `${JSON.stringify(computer(1))}\n{"ID": 99999999999999999999, "hostName": "huge"}\n` }, expect: { load: [1], notice: true } },
  { name: 'a fractional ID', files: { 'part-0': lines(computer(1), computer(2.5)) }, expect: { load: [1], notice: true } },
  { name: 'an ID as text', files: { 'part-0': lines(computer('7'), computer(8)) }, expect: { load: [7, 8] } },
  { name: 'a lower-case id key', files: { 'part-0': lines(computer(1), { id: 9, hostName: 'host-9', agentVersion: '20.0.1-100' }) }, expect: { load: [1, 9] } },
  { name: 'a policy inside a computers flow', files: { 'part-0': lines(computer(1), policy(5)) }, expect: { load: [1], notice: true } },
  { name: 'only policies in a computers flow', files: { 'part-0': lines(policy(5), policy(6)) }, expect: { refuse: 'part-0' } },
  { name: 'only records without an ID', files: { 'part-0': lines({ hostName: 'a', agentVersion: '20.0.1-100' }, { hostName: 'b', agentVersion: '20.0.1-100' }) }, expect: { refuse: 'part-0' } },
  { name: 'a null ID', files: { 'part-0': lines(computer(1), computer(null)) }, expect: { load: [1], notice: true } },
  { name: 'a negative ID', files: { 'part-0': lines(computer(1), computer(-4)) }, expect: { loadOrRefuse: [1, -4], file: 'part-0' } },
  { name: 'a JSON object with a duplicate key', files: { 'part-0': `{"ID": 1, "hostName": "a", "hostName": "b"}\n` }, expect: { loadOrRefuse: [1], file: 'part-0' } },
  { name: 'deeply nested JSON', files: { 'part-0': `${JSON.stringify(computer(1))}\n{"ID": 2, "deep": ${'['.repeat(5000)}${']'.repeat(5000)}}\n` }, expect: { loadOrRefuse: [1, 2], file: 'part-0' } },
  { name: 'a dangling symlink beside the records', files: { 'part-0': lines(computer(1)), 'part-1': (p) => symlinkSync(join(p, '..', 'missing-target'), p) }, expect: { loadOrRefuse: [1], file: 'part-1' } },
  { name: 'ISO text times', files: { 'part-0': lines(computer(1, { lastAgentCommunication: '2026-03-09T09:00:00.000Z' })) }, expect: { load: [1], communicated: true } },
  { name: 'a file named .parquet holding JSON', files: { 'part-0.parquet': lines(computer(1)) }, expect: { loadOrRefuse: [1], file: 'part-0.parquet' } },
  { name: 'a binary file without extension', files: { 'part-0': lines(computer(1)), 'part-1': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }, expect: { refuse: 'part-1' } },
  { name: 'a JSON array cut short', files: { 'part-0': JSON.stringify([computer(1), computer(2)]).slice(0, -10) }, expect: { refuse: 'part-0' } },
  { name: 'JSON with a trailing comma', files: { 'part-0': `[${JSON.stringify(computer(1))},]` }, expect: { refuse: 'part-0' } },
];

async function writeCase(root: string, c: Case): Promise<void> {
  writeKey(root, `ws-computers/${GOOD}/part-0`, jsonLines(GOOD_IDS.map((id) => computer(id))), AT);
  const folder = join(root, 'ws-computers', CASE);
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) {
    const path = join(folder, name);
    if (typeof content === 'function') await content(path);
    else writeKey(root, `ws-computers/${CASE}/${name}`, content, LATER);
  }
}

async function computerRows(db: string, snapshotId: string): Promise<{ computer_id: unknown; last_agent_communication: unknown }[]> {
  const store = await openStore(db);
  try {
    const sql = 'SELECT computer_id, last_agent_communication FROM computer_snapshots WHERE snapshot_id = $id ORDER BY 1';
    return (await store.query(sql, { id: snapshotId })).rows as { computer_id: unknown; last_agent_communication: unknown }[];
  } finally {
    store.close();
  }
}

async function computerIds(db: string, snapshotId: string): Promise<number[]> {
  return (await computerRows(db, snapshotId)).map((r) => Number(r.computer_id));
}

function refusedCase(summary: LoadSummary, file: string, line?: number): boolean {
  const failure = summary.failures.find((f) => f.runKey.endsWith(CASE));
  if (failure === undefined) return false;
  const named = failure.message.includes(`${CASE}/${file}`) && !failure.message.includes('\n');
  return named && (line === undefined || failure.message.includes(`line ${line}:`));
}

describe('a campaign of malformed and odd inputs', () => {
  it(`has at least 60 cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: ends exact or refused with a named file', async (_name, c) => {
    const root = tempDir('campaign');
    await writeCase(root, c);
    const db = join(root, 'fleet.duckdb');
    const summary = await loadSnapshots({ source: root, db });
    expect(await computerIds(db, GOOD)).toEqual(GOOD_IDS);
    const loaded = await computerIds(db, CASE);
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    if ('load' in c.expect) {
      expect(summary.failures).toEqual([]);
      expect(loaded).toEqual(sorted(c.expect.load));
      if (c.expect.communicated) {
        expect((await computerRows(db, CASE)).filter((r) => r.last_agent_communication === null)).toEqual([]);
      }
      if (c.expect.notice) expect(summary.notices.map((n) => n.message)).toContainEqual(expect.stringContaining(CASE));
    } else if ('refuse' in c.expect) {
      expect(loaded).toEqual([]);
      expect(summary.failures.map((f) => f.message)).toEqual([expect.stringContaining(c.expect.refuse)]);
      expect(refusedCase(summary, c.expect.refuse, c.expect.line)).toBe(true);
    } else {
      const exact = summary.failures.length === 0 && JSON.stringify(loaded) === JSON.stringify(sorted(c.expect.loadOrRefuse));
      const refused = loaded.length === 0 && refusedCase(summary, c.expect.file);
      expect({ exact, refused, failures: summary.failures, loaded }).toEqual(expect.objectContaining({ [exact ? 'exact' : 'refused']: true }));
    }
  });
});
