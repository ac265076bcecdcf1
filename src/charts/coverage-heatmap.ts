import type { CoverageChartOptions } from './coverage-options';
import { coverageValues, osFamilySuffix } from './coverage-options';
import type { CoverageModule, FleetCoverageRow, RowsInput } from './rows';
import type { ChartSpec } from './spec';
import { chartConfig, countFormat, moduleLabels, monthFormat, percentFormat, vegaLiteSchemaUrl } from './theme';
import type { VegaLiteSpec } from './vega-lite-types';

const darkCellThreshold = 0.6;

/** Coverage of each module in each month as a grid of cells (`fleet-coverage`, os_family 'all'). */
export function coverageHeatmapChart(input: RowsInput<FleetCoverageRow>, options: CoverageChartOptions = {}): ChartSpec {
  const osFamily = options.osFamily ?? 'all';
  const values = coverageValues(input, osFamily);
  const moduleOrder = (Object.keys(moduleLabels) as CoverageModule[]).map((module) => moduleLabels[module]);
  const month = {
    field: 'month',
    type: 'ordinal',
    timeUnit: 'utcyearmonth',
    title: null,
    axis: { format: monthFormat, orient: 'top', domain: false, ticks: false },
  } as const;
  const module = {
    field: 'module',
    type: 'nominal',
    title: null,
    sort: moduleOrder,
    axis: { domain: false, ticks: false },
  } as const;
  return {
    $schema: vegaLiteSchemaUrl,
    title: {
      text: `Coverage heatmap: module × month${osFamilySuffix(osFamily)}`,
      subtitle: 'Share of computers covered at the last run of each month',
    },
    width: { step: 64 },
    height: { step: 28 },
    data: { values },
    encoding: { x: month, y: module },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'coverage',
            type: 'quantitative',
            title: 'Coverage',
            scale: { domain: [0, 1], scheme: 'yellowgreenblue' },
            legend: { format: percentFormat, gradientLength: 160 },
          },
          tooltip: [
            { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: monthFormat },
            { field: 'module', type: 'nominal', title: 'Module' },
            { field: 'coverage', type: 'quantitative', title: 'Coverage', format: percentFormat },
            { field: 'covered', type: 'quantitative', title: 'Covered', format: countFormat },
            { field: 'computers', type: 'quantitative', title: 'Of', format: countFormat },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'coverage', type: 'quantitative', format: percentFormat },
          color: {
            condition: { test: `datum.coverage > ${darkCellThreshold}`, value: 'white' },
            value: '#0f172a',
          },
        },
      },
    ],
    config: chartConfig,
  } satisfies VegaLiteSpec;
}
