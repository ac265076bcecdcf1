import { BaselineError } from '../baseline';
import { buildReport, reportLanguages, type ReportLanguage } from '../report';
import { parseCommandArgs, UsageError, type Command } from './command';

const usage = `Usage: fleetkit report --quarter 2026Q3 --out DIR [--db fleet.duckdb] [--pdf] [--baseline FILE] [--lang en|ja]

Writes the quarterly compliance report: report.html (self-contained, printable), report.pdf with --pdf
(headless Chromium), evidence/ (CSV and Parquet of the quarter-end inventory, control results and policy
changes) and manifest.json (SHA-256 of every file, the snapshots used, the baseline, the fleetkit version).`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'the quarterly compliance report with evidence (html, pdf)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        db: { type: 'string', default: 'fleet.duckdb' },
        quarter: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean' },
        baseline: { type: 'string' },
        lang: { type: 'string', default: 'en' },
      },
      usage,
    );
    if (values.quarter === undefined || values.out === undefined) throw new UsageError(`report needs --quarter and --out\n\n${usage}`);
    const lang = values.lang as string;
    if (!(reportLanguages as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${reportLanguages.join(', ')}, got "${lang}"`);
    try {
      const summary = await buildReport({
        db: values.db as string,
        quarter: values.quarter as string,
        outDir: values.out as string,
        pdf: values.pdf === true,
        baseline: values.baseline as string | undefined,
        lang: lang as ReportLanguage,
      });
      for (const notice of summary.notices) process.stderr.write(`notice: ${notice}\n`);
      const failing = `${summary.failingComputers} of ${summary.computers} computers fail a control (${summary.exceptions} exceptions)`;
      process.stdout.write(`${summary.quarter} as of ${summary.asOf}: ${failing}\n`);
      for (const file of [summary.html, summary.pdf, summary.manifest, ...summary.evidence]) if (file) process.stdout.write(`  ${file}\n`);
      return 0;
    } catch (error) {
      if (error instanceof BaselineError) {
        process.stderr.write(`fleetkit report: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
