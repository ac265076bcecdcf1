import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Chart } from '../kit/chart';

/** The folder of charts: one file each, named as the chart; `index` is the folder's public face, not a chart. */
const chartsFolder = join(__dirname, '..');
const runningFromSource = extname(__filename) === '.ts';
/**
 * Charts are loaded with `require`, which needs JavaScript: from source (the tests) that is the compiled copy in
 * dist/charts, which must be at least as new as each chart's source file.
 */
const compiledChartsFolder = runningFromSource ? join(chartsFolder, '..', '..', 'dist', 'charts') : chartsFolder;

function chartFileNames(): string[] {
  const extension = runningFromSource ? '.ts' : '.js';
  return readdirSync(chartsFolder)
    .filter((file) => extname(file) === extension && !file.endsWith('.d.ts'))
    .map((file) => basename(file, extension))
    .filter((name) => name !== 'index');
}

function compiledChartFile(name: string): string {
  const compiled = join(compiledChartsFolder, `${name}.js`);
  if (runningFromSource) {
    const source = join(chartsFolder, `${name}.ts`);
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
      throw new Error(`${compiled} is missing or older than ${source}: run npm run build`);
    }
  }
  return compiled;
}

function isChart(value: unknown): value is Chart {
  const chart = value as Partial<Chart> | undefined;
  return typeof chart?.title === 'string' && typeof chart.query === 'string' && typeof chart.build === 'function';
}

/** Every file of the charts folder that exports a `chart` (made with defineChart), by file name, in chart order. */
export function findCharts(): Record<string, Chart> {
  const found: [string, Chart][] = [];
  for (const name of chartFileNames()) {
    const exported = (require(compiledChartFile(name)) as { chart?: unknown }).chart;
    if (exported === undefined) continue;
    if (!isChart(exported)) throw new Error(`src/charts/${name}.ts exports a "chart" that is not made with defineChart`);
    found.push([name, exported]);
  }
  found.sort(([nameA, a], [nameB, b]) => a.order - b.order || nameA.localeCompare(nameB));
  return Object.fromEntries(found);
}
