import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartName } from '../src/charts/engine/catalog';
import { charts } from '../src/charts/engine/catalog';
import type { ChartOptions } from '../src/charts/kit/chart';

export const projectRoot = join(__dirname, '..');
export const chartGoldenDir = join(__dirname, 'golden', 'charts');

/** Fixed rows of a named query, as the store's JSON form returns them (test/golden/charts/<query>.rows.json). */
export function fixtureRows(query: string): object[] {
  return JSON.parse(readFileSync(join(chartGoldenDir, `${query}.rows.json`), 'utf8')) as object[];
}

export function fixtureChart(name: ChartName, options: ChartOptions = {}) {
  const chart = charts[name];
  return chart.build(fixtureRows(chart.query), options);
}
