import type { Chart } from '../kit/chart';
import { findCharts } from './find-charts';

export type ChartName = string;

/** Every chart, by name, found in the charts folder when the package is loaded. */
export const charts: Readonly<Record<ChartName, Chart>> = findCharts();

export const chartNames: readonly ChartName[] = Object.keys(charts);

export function isChartName(name: string): boolean {
  return Object.hasOwn(charts, name);
}
