import type { ChartFormat } from '../../render/chart-format';
import { chartFormatOfFile, chartFormats } from '../../render/chart-format';
import type { ChartSpec } from '../../render/chart-spec';
import { writeChart } from '../../render/write-chart';
import type { ChartOptions } from '../kit/chart';
import { chartNames, charts, isChartName } from './catalog';

/** What a chart needs from a store: running a named query (queries/<name>.sql) with parameters. */
export interface NamedQueryRunner {
  named(name: string, params?: Record<string, string | number>): Promise<{ readonly rows: readonly object[] }>;
}

export interface RenderChartOptions extends ChartOptions {
  out: string;
  /** Defaults to the format named by the output file's extension. */
  format?: ChartFormat;
}

export interface RenderedChart {
  name: string;
  format: ChartFormat;
  out: string;
  rows: number;
}

/** Runs the chart's named query on the store and builds its Vega-Lite spec. */
export async function chartSpecFromStore(
  store: NamedQueryRunner,
  name: string,
  options: ChartOptions = {},
): Promise<{ spec: ChartSpec; rows: number }> {
  if (!isChartName(name)) {
    throw new Error(`unknown chart "${name}"; charts: ${chartNames.join(', ')}`);
  }
  const chart = charts[name];
  const result = await store.named(chart.query, chart.queryParams(options));
  return { spec: chart.build(result.rows, options), rows: result.rows.length };
}

/** `fleetkit chart <name>`: queries the store, builds the chart and writes it as SVG, PNG, HTML or Vega-Lite JSON. */
export async function renderChart(store: NamedQueryRunner, name: string, options: RenderChartOptions): Promise<RenderedChart> {
  const format = options.format ?? chartFormatOfFile(options.out);
  if (format === undefined) {
    throw new Error(`cannot tell the chart format from "${options.out}"; give --format ${chartFormats.join('|')}`);
  }
  const { spec, rows } = await chartSpecFromStore(store, name, options);
  await writeChart(spec, format, options.out);
  return { name, format, out: options.out, rows };
}
