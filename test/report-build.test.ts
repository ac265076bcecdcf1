import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBaseline } from '../src/baseline';
import { buildReport, QuarterError, ReportDataError, ReportError, type ReportManifest, type ReportSummary } from '../src/report';
import { withChromiumPage } from '../src/report/chromium';
import { VERSION } from '../src/version';
import { expectedOutcome, runAsOf } from './helpers/control-expectations';
import { hasAgent } from './helpers/expected-records';
import { buildReportFleet, FORMULA_HOST, MARKUP_POLICY, SCRIPT_HOST, type ReportFleet } from './helpers/report-fleet';

const SCREENSHOTS = join(__dirname, '..', 'test-output');
const QUARTER_END = '2026-09-30 23:59:59.999999+00';
/** A report made after the quarter: only the missing week and the failed run make it partial. */
const AFTER_QUARTER = new Date('2026-10-05T08:00:00Z');

let fleet: ReportFleet;
let en: ReportSummary;
let ja: ReportSummary;

beforeAll(async () => {
  fleet = await buildReportFleet();
  en = await buildReport({ db: fleet.db, quarter: '2026Q3', outDir: join(fleet.dir, 'report-en'), pdf: true, now: AFTER_QUARTER });
  ja = await buildReport({
    db: fleet.db,
    quarter: '2026Q3',
    outDir: join(fleet.dir, 'report-ja'),
    pdf: true,
    lang: 'ja',
    now: AFTER_QUARTER,
  });
});

afterAll(() => {
  if (fleet) rmSync(fleet.dir, { recursive: true, force: true });
});

/** The quarter-end exceptions worked out from the generated records with the default baseline. */
function expectedExceptions(): { computerId: number; controlId: string }[] {
  const run = runAsOf(fleet.runs, 'computers', QUARTER_END);
  const computers = run.records;
  const baseline = loadBaseline();
  return baseline.controls.flatMap((chosen) =>
    computers
      .filter((c) => ['alarm', 'error'].includes(expectedOutcome(chosen.id, c, computers, run, chosen.params).status))
      .map((c) => ({ computerId: Number(c.ID), controlId: chosen.id })),
  );
}

function readHtml(summary: ReportSummary): string {
  return readFileSync(summary.html, 'utf8');
}

/** A CSV file as rows of cells (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''));
    else cell += c;
  }
  return rows;
}

function csvRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

async function parquetRows(file: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll('SELECT * FROM read_parquet($file)', { file })).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('the quarterly report', () => {
  it('sums up the quarter end as the records say', () => {
    const run = runAsOf(fleet.runs, 'computers', QUARTER_END);
    const exceptions = expectedExceptions();
    expect(en.lastRun.snapshotId).toBe(run.executionId);
    expect(en.computers).toBe(run.records.length);
    expect(en.exceptions).toBe(exceptions.length);
    expect(en.failingComputers).toBe(new Set(exceptions.map((e) => e.computerId)).size);
    const installed = en.controls.find((c) => c.id === 'agent-installed');
    expect(installed?.ok).toBe(run.records.filter(hasAgent).length);
    expect(en.partial).toBe(true);
    expect(en.notices).toEqual([
      '1 week(s) of the quarter have no run of 2 flow(s): figures may miss changes made in those weeks (see Data completeness).',
      "1 load error(s) were recorded for the quarter's runs (see Data completeness).",
    ]);
  });

  it('renders in Chromium without errors or requests, with the key figures and hostile names as text', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [lang, summary] of [['en', en], ['ja', ja]] as const) {
      await withChromiumPage(async (page) => {
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
        page.on('requestfailed', (request) => problems.push(`request: ${request.url()}`));
        await page.setViewportSize({ width: 1200, height: 900 });
        await page.goto(pathToFileURL(summary.html).href);
        const text = await page.innerText('body');
        expect(problems).toEqual([]);
        expect(await page.locator('script, link, img, iframe, object, embed').count()).toBe(0);
        expect(await page.locator('figure.chart svg').count()).toBe(3);
        const exceptionsTable = await page.innerText('[data-table="exceptions"]');
        expect(exceptionsTable).toContain(SCRIPT_HOST);
        expect(exceptionsTable).toContain(FORMULA_HOST);
        const summaryTable = await page.innerText('[data-table="summary"]');
        expect(summaryTable).toContain(String(summary.computers));
        expect(summaryTable).toContain(String(summary.exceptions));
        expect(await page.innerText('[data-table="flow-runs"]')).toContain('2026-W33');
        expect(await page.innerText('[data-table="load-errors"]')).toContain('0f0e0d0c-0000-4000-8000-000000000bad');
        if (lang === 'en') {
          expect(text).toContain('Quarterly compliance report');
          const antiMalware = summary.controls.find((c) => c.id === 'anti-malware-on');
          expect(summaryTable).toContain(`${((antiMalware?.passRate ?? 0) * 100).toFixed(1)}% (${antiMalware?.ok} of `);
          expect(await page.innerText('[data-table="policy-changes"]')).toContain(MARKUP_POLICY);
        } else {
          expect(text).toContain('四半期コンプライアンスレポート');
          expect(exceptionsTable).toContain('不正プログラム対策の状態は off です。');
        }
        await page.screenshot({ path: join(SCREENSHOTS, `report-${lang}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 2600 } });
      });
    }
  });

  it('is all Japanese with --lang ja: every heading, table header, label, sentence and chart text', async () => {
    const texts = await withChromiumPage(async (page) => {
      await page.goto(pathToFileURL(ja.html).href);
      return page.locator('h1, h2, h3, th, dt, p, li, figure svg text').allTextContents();
    });
    const japanese = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
    const numbersAndTimes = /^[\d\s.,:%()+±−–-]*(UTC)?$/;
    const names = new Set(['OS', 'Windows', 'Linux', '2026 Q3', 'fleetkit default baseline', ...readdirSync(join(ja.outDir, 'evidence'))]);
    const untranslated = texts
      .map((t) => t.trim())
      .filter((t) => t !== '' && !japanese.test(t) && !numbersAndTimes.test(t) && !names.has(t) && !names.has(t.replace(/^evidence\//, '')));
    expect(untranslated).toEqual([]);
    expect(texts.length).toBeGreaterThan(100);
    const html = readHtml(ja);
    for (const english of ['Summary', 'Exceptions', 'Control results', 'Data completeness', 'Protection coverage by module', 'Month']) {
      expect(html).not.toContain(`>${english}<`);
    }
  });

  it('keeps host and policy names as text in the page source', () => {
    const html = readHtml(en);
    expect(html).not.toContain(SCRIPT_HOST);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).not.toContain(MARKUP_POLICY);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
  });

  it('prints a PDF with pages, the running header and the summary text', () => {
    for (const [summary, words] of [
      [en, ['Quarterly compliance report', 'Summary', 'Exceptions', 'Computers failing at least one control']],
      [ja, ['四半期コンプライアンスレポート', '概要', '例外']],
    ] as const) {
      const info = execFileSync('pdfinfo', [summary.pdf as string], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(3);
      const text = execFileSync('pdftotext', ['-layout', summary.pdf as string, '-'], { encoding: 'utf8' });
      for (const word of words) expect(text).toContain(word);
      expect(text).toContain(String(summary.computers));
      expect(text).toMatch(/2026 Q3|2026年 第3四半期/);
      const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', summary.pdf as string, '-'], { encoding: 'utf8' });
      expect(page2).toMatch(/(Quarterly compliance report|四半期コンプライアンスレポート) 2026/);
    }
  });

  it('writes evidence in CSV with formulas neutralised and in Parquet with the names as they are', async () => {
    const evidence = join(en.outDir, 'evidence');
    expect(readdirSync(evidence).sort()).toEqual([
      'control-results.csv', 'control-results.parquet', 'inventory.csv', 'inventory.parquet', 'policy-changes.csv', 'policy-changes.parquet',
    ]);
    const inventory = csvRecords(join(evidence, 'inventory.csv'));
    const run = runAsOf(fleet.runs, 'computers', QUARTER_END);
    expect(inventory).toHaveLength(run.records.length);
    expect(inventory.find((r) => r.computer_id === String(fleet.formulaComputerId))?.host_name).toBe(`'${FORMULA_HOST}`);
    expect(inventory.find((r) => r.computer_id === String(fleet.scriptComputerId))?.host_name).toBe(SCRIPT_HOST);
    for (const file of ['inventory.csv', 'control-results.csv', 'policy-changes.csv']) {
      for (const row of csvRecords(join(evidence, file))) {
        for (const cell of Object.values(row)) expect(cell === '' || !/^[=+\-@\t\r]/.test(cell) || !Number.isNaN(Number(cell))).toBe(true);
      }
    }
    const results = csvRecords(join(evidence, 'control-results.csv'));
    const failing = results.filter((r) => r.status === 'alarm' || r.status === 'error');
    const key = (e: { computerId: number; controlId: string }) => `${e.controlId}/${e.computerId}`;
    expect(failing.map((r) => key({ computerId: Number(r.computer_id), controlId: r.control_id })).sort()).toEqual(
      expectedExceptions().map(key).sort(),
    );
    expect(results.find((r) => r.host_name === `'${FORMULA_HOST}` && r.control_id === 'intrusion-prevention-prevent')?.reason).toBe(
      'The intrusion prevention state is detect; it must be prevent.',
    );
    const parquet = await parquetRows(join(evidence, 'control-results.parquet'));
    expect(parquet).toHaveLength(results.length);
    expect(parquet.filter((r) => r.host_name === FORMULA_HOST)).toHaveLength(loadBaseline().controls.length);
    const inventoryParquet = await parquetRows(join(evidence, 'inventory.parquet'));
    expect(inventoryParquet.find((r) => r.host_name === SCRIPT_HOST)?.snapshot_id).toBe(run.executionId);
    const changes = await parquetRows(join(evidence, 'policy-changes.parquet'));
    expect(changes.length).toBe(csvRecords(join(evidence, 'policy-changes.csv')).length);
    expect(changes.every((c) => (c.changed_at as Date) >= new Date('2026-07-01') && (c.changed_at as Date) < new Date('2026-10-01'))).toBe(true);
  });

  it('writes a manifest whose hashes match the files, with the runs, the baseline and the version', () => {
    const manifest = JSON.parse(readFileSync(en.manifest, 'utf8')) as ReportManifest;
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [...en.evidence.map((f) => f.slice(en.outDir.length + 1)), 'report.html', 'report.pdf'].sort(),
    );
    for (const file of manifest.files) {
      const bytes = readFileSync(join(en.outDir, file.path));
      expect(file.sha256, file.path).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.bytes).toBe(bytes.length);
    }
    expect(manifest.fleetkit_version).toBe(VERSION);
    expect(manifest.quarter).toBe('2026Q3');
    expect(manifest.partial).toBe(true);
    expect(manifest.baseline.content).toEqual(JSON.parse(loadBaseline().text));
    const baselineBytes = readFileSync(join(__dirname, '..', 'baselines', 'default.json'));
    expect(manifest.baseline.sha256).toBe(createHash('sha256').update(baselineBytes).digest('hex'));
    const lastRun = runAsOf(fleet.runs, 'computers', QUARTER_END);
    const quarterEnd = manifest.snapshots.find((s) => s.snapshot_id === lastRun.executionId);
    expect(quarterEnd?.roles).toEqual(['in_quarter', 'quarter_end']);
    const previousEnd = runAsOf(fleet.runs, 'computers', '2026-06-30 23:59:59.999999+00');
    expect(manifest.snapshots.find((s) => s.snapshot_id === previousEnd.executionId)?.roles).toEqual(['previous_quarter_end']);
    const quarterRuns = fleet.runs.filter((r) => r.runAt >= new Date('2026-07-01') && r.runAt < new Date('2026-10-01'));
    expect(manifest.snapshots.filter((s) => s.roles.includes('in_quarter')).map((s) => s.snapshot_id).sort()).toEqual(
      quarterRuns.map((r) => r.executionId).sort(),
    );
  });
});

describe('reports that cannot or should not claim a whole quarter', () => {
  it('refuses a quarter with no data, a bad quarter and a missing store, each with a clear message', async () => {
    const out = join(fleet.dir, 'report-none');
    await expect(buildReport({ db: fleet.db, quarter: '2025Q1', outDir: out })).rejects.toThrow(ReportDataError);
    await expect(buildReport({ db: fleet.db, quarter: '2025Q1', outDir: out })).rejects.toThrow(
      /^No computers run was loaded for 2025Q1 \(2025-01-01 to 2025-03-31, UTC\) in .*fleet\.duckdb/,
    );
    await expect(buildReport({ db: fleet.db, quarter: 'Q3-2026', outDir: out })).rejects.toThrow(QuarterError);
    await expect(buildReport({ db: join(fleet.dir, 'nope.duckdb'), quarter: '2026Q3', outDir: out })).rejects.toThrow(ReportError);
  });

  it('says so when the quarter is not over', async () => {
    const summary = await buildReport({
      db: fleet.db,
      quarter: '2026Q3',
      outDir: join(fleet.dir, 'report-early'),
      now: new Date('2026-09-29T12:00:00Z'),
    });
    expect(summary.partial).toBe(true);
    expect(summary.notices[0]).toBe(
      'The quarter is not over: this report was made on 2026-09-29 12:00 UTC and shows the latest state loaded, not the state at quarter end.',
    );
    expect(readHtml(summary)).toContain('The quarter is not over');
    expect(summary.pdf).toBeNull();
  });
});
