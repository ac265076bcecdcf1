import { defaults } from '../config';
import { buildReport, reportLanguages, type ReportLanguage } from '../report';
import { parseCommandArgs, UsageError, type Command } from './command';

const usage = `Usage: fleetkit report --quarter 2026Q3 --out DIR [--db ${defaults.db}] [--pdf] [--baseline FILE] [--controls DIR]... [--lang en|ja]

Writes the quarterly compliance report: report.html (self-contained, printable), report.pdf with --pdf
(headless Chromium), evidence/ (CSV and Parquet of the quarter-end inventory, control results and policy
changes) and manifest.json (SHA-256 of every file, the snapshots used, the baseline, the fleetkit version).
--controls adds your own controls (a folder of control folders, or one control folder: check.sql,
texts.json; see queries/README.md); the default baseline applies them with the shipped ones.`;

export const reportCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        db: { type: 'string', default: defaults.db },
        quarter: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean' },
        baseline: { type: 'string' },
        controls: { type: 'string', multiple: true },
        lang: { type: 'string', default: 'en' },
      },
      usage,
    );
    if (values.quarter === undefined || values.out === undefined) throw new UsageError(`report needs --quarter and --out\n\n${usage}`);
    const lang = values.lang as string;
    if (!(reportLanguages as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${reportLanguages.join(', ')}, got "${lang}"`);
    const summary = await buildReport({
      db: values.db as string,
      quarter: values.quarter as string,
      outDir: values.out as string,
      pdf: values.pdf === true,
      baseline: values.baseline as string | undefined,
      controls: values.controls as string[] | undefined,
      lang: lang as ReportLanguage,
    });
    for (const notice of summary.notices) process.stderr.write(`notice: ${notice}\n`);
    const failing = `${summary.failingComputers} of ${summary.computers} computers fail a control (${summary.exceptions} exceptions)`;
    process.stdout.write(`${summary.quarter} as of ${summary.asOf}: ${failing}\n`);
    for (const file of [summary.html, summary.pdf, summary.manifest, ...summary.evidence]) if (file) process.stdout.write(`  ${file}\n`);
    return 0;
  },
};
