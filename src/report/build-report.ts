import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Baseline, BaselineControl } from '../baseline/baseline';
import { loadBaseline } from '../baseline/load-baseline';
import { ExitCode, FleetkitError } from '../errors';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { VERSION } from '../version';
import { listControls } from '../analysis/controls/control-catalog';
import type { ControlDefinition } from '../analysis/controls/control-definition';
import { checkControlBinds, installControlMacros } from '../analysis/controls/control-engine';
import { writeEvidence } from './evidence';
import { Formatter } from './format';
import { writeManifest } from './manifest';
import { messages, reportLanguages, type ReportLanguage } from './messages';
import { reportNotices } from './notices';
import { printPdf } from './print-pdf';
import { parseQuarter, type Quarter } from './quarter';
import { renderReportCharts } from './report-charts';
import { collectReportData, type ReportData } from './report-data';
import { renderReport } from './render-report';

export interface BuildReportOptions {
  /** The DuckDB store file. */
  db: string;
  /** `2026Q3`. */
  quarter: string;
  /** The folder to write report.html, report.pdf, manifest.json and evidence/ into (created when missing). */
  outDir: string;
  /** Also print report.pdf with headless Chromium. */
  pdf?: boolean;
  /** A baseline file; the shipped default when not given. */
  baseline?: string;
  /** Folders of the user's own controls, in the shape of `queries/controls/` (or each one control folder). */
  controls?: string[];
  lang?: ReportLanguage;
  /** The time the report is made (decides whether the quarter is over); now when not given. */
  now?: Date;
}

export interface ControlSummary {
  id: string;
  severity: string;
  ok: number;
  alarm: number;
  skip: number;
  info: number;
  error: number;
  /** ok / (ok + alarm + error), or null when no computer was checked. */
  passRate: number | null;
}

export interface ReportSummary {
  quarter: string;
  outDir: string;
  html: string;
  pdf: string | null;
  manifest: string;
  /** Evidence files, absolute paths. */
  evidence: string[];
  /** The quarter end the controls were checked at. */
  asOf: string;
  lastRun: { snapshotId: string; snapshotAt: string };
  computers: number;
  failingComputers: number;
  exceptions: number;
  controls: ControlSummary[];
  /** True when the quarter is not over or data is missing; `notices` says why. */
  partial: boolean;
  notices: string[];
}

/** A report asked of a store that does not exist, or in a language it does not have: a usage error. */
export class ReportError extends FleetkitError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** `fleetkit report`: the quarterly compliance report, its evidence and manifest (and PDF) in `outDir`. */
export async function buildReport(options: BuildReportOptions): Promise<ReportSummary> {
  const quarter = parseQuarter(options.quarter);
  const lang = options.lang ?? 'en';
  if (!reportLanguages.includes(lang)) {
    throw new ReportError(`Language "${lang}" is not available: choose one of ${reportLanguages.join(', ')}.`);
  }
  const db = resolve(options.db);
  if (!existsSync(db)) throw new ReportError(`The store ${db} does not exist: load exports into it first (fleetkit load).`);
  const controls = listControls(options.controls);
  const baseline = loadBaseline(options.baseline, controls);
  const outDir = resolve(options.outDir);
  const now = options.now ?? new Date();

  const { data, evidence } = await readStore(db, quarter, baseline, controls, now, join(outDir, 'evidence'));

  const m = messages[lang];
  const notices = reportNotices(data, m, new Formatter(lang));
  const partial = notices.some((n) => n.partial);
  const generatedAt = new Date();
  const htmlPath = join(outDir, 'report.html');
  const charts = await renderReportCharts(data, lang);
  const page = renderReport({ data, lang, messages: m, charts, evidenceFiles: evidence, generatedAt, version: VERSION, storePath: db });
  await writeFile(htmlPath, page);
  const pdfPath = options.pdf ? join(outDir, 'report.pdf') : null;
  if (pdfPath) await printPdf(htmlPath, pdfPath);

  const manifest = await writeManifest({
    data,
    outDir,
    files: [...evidence, 'report.html', ...(pdfPath ? ['report.pdf'] : [])],
    lang,
    partial,
    generatedAt,
    version: VERSION,
    storePath: db,
  });
  return {
    quarter: quarter.label,
    outDir,
    html: htmlPath,
    pdf: pdfPath,
    manifest,
    evidence: evidence.map((f) => join(outDir, f)),
    asOf: data.current.asOf,
    lastRun: { snapshotId: data.current.lastRun.snapshotId, snapshotAt: data.current.lastRun.snapshotAt.toISOString() },
    computers: data.current.computers,
    failingComputers: data.current.failingComputers,
    exceptions: data.current.exceptions,
    controls: data.baseline.controls.map((chosen) => controlSummary(chosen, data)),
    partial,
    notices: notices.map((n) => n.text),
  };
}

/** Reads everything the report shows and writes the evidence files, in one session of the store. */
async function readStore(
  db: string,
  quarter: Quarter,
  baseline: Baseline,
  controls: ControlDefinition[],
  now: Date,
  evidenceDir: string,
): Promise<{ data: ReportData; evidence: string[] }> {
  const store = await Store.openReadOnly(db);
  try {
    await store.run(sqlFile('report/session'));
    await store.run(sqlFile('report/macros'));
    await installControlMacros(store, controls);
    for (const control of controls) await checkControlBinds(store, control);
    await store.run(sqlFile('report/report-tables'));
    const data = await collectReportData(store, quarter, baseline, controls, now);
    await mkdir(evidenceDir, { recursive: true });
    const evidence = (await writeEvidence(store, evidenceDir)).map((f) => `evidence/${f}`);
    return { data, evidence };
  } finally {
    store.closeSync();
  }
}

function controlSummary(chosen: BaselineControl, data: ReportData): ControlSummary {
  const c = data.current.byControl.find((r) => r.control_id === chosen.id);
  const counts = { ok: c?.ok ?? 0, alarm: c?.alarm ?? 0, skip: c?.skip ?? 0, info: c?.info ?? 0, error: c?.error ?? 0 };
  const checked = counts.ok + counts.alarm + counts.error;
  return { id: chosen.id, severity: chosen.severity, ...counts, passRate: checked === 0 ? null : counts.ok / checked };
}
