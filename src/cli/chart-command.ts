import { defaults } from '../config';
import { chartLanguages, chartNames, charts, isChartLanguage, renderChart } from '../charts';
import { chartFormats, isChartFormat } from '../render';
import { Store } from '../store/store';
import { parseCommandArgs, UsageError, type Command } from './command';

const usage = `Usage: fleetkit chart <chart-name> [--db ${defaults.db}] [--from DATE] [--to DATE]
                      [--format svg|png|html|vl.json] [--lang en|ja] --out FILE

Draws a chart from the store: SVG, PNG, a self-contained interactive HTML page, or the Vega-Lite spec.
The format defaults to the --out file's extension. Charts:
${chartNames.map((name) => `  ${name.padEnd(18)} ${charts[name].title}`).join('\n')}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const chartCommand: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        db: { type: 'string', default: defaults.db },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
      },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError(`chart takes one chart name\n\n${usage}`);
    if (values.out === undefined) throw new UsageError(`chart needs --out FILE\n\n${usage}`);
    const format = values.format as string | undefined;
    if (format !== undefined && !isChartFormat(format)) throw new UsageError(`--format must be one of ${chartFormats.join(', ')}, got "${format}"`);
    const lang = values.lang as string | undefined;
    if (lang !== undefined && !isChartLanguage(lang)) throw new UsageError(`--lang must be one of ${chartLanguages.join(', ')}, got "${lang}"`);
    for (const option of ['from', 'to'] as const) {
      const value = values[option] as string | undefined;
      if (value !== undefined && !DATE.test(value)) throw new UsageError(`--${option} must be a date like 2026-01-31, got "${value}"`);
    }
    const store = await Store.openReadOnly(values.db as string);
    try {
      const chart = await renderChart(store, positionals[0], {
        out: values.out as string,
        format: format as (typeof chartFormats)[number] | undefined,
        from: values.from as string | undefined,
        to: values.to as string | undefined,
        lang,
      });
      process.stdout.write(`${chart.name}: ${chart.rows} rows drawn → ${chart.out} (${chart.format})\n`);
      return 0;
    } finally {
      store.closeSync();
    }
  },
};
