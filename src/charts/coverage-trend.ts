import type { CoverageChartOptions } from './coverage-options';
import { coverageValues, osFamilySuffix } from './coverage-options';
import type { FleetCoverageRow, RowsInput } from './rows';
import type { ChartSpec } from './spec';
import {
  chartConfig,
  chartHeight,
  chartWidth,
  colorScale,
  countFormat,
  moduleColors,
  moduleLabels,
  monthFormat,
  percentFormat,
  vegaLiteSchemaUrl,
} from './theme';
import type { VegaLiteSpec } from './vega-lite-types';

/** Share of the whole fleet with an agent, and of agents with each module on, month by month (`fleet-coverage`). */
export function coverageTrendChart(input: RowsInput<FleetCoverageRow>, options: CoverageChartOptions = {}): ChartSpec {
  const osFamily = options.osFamily ?? 'all';
  const values = coverageValues(input, osFamily);
  return {
    $schema: vegaLiteSchemaUrl,
    title: {
      text: `Protection coverage by module${osFamilySuffix(osFamily)}`,
      subtitle: 'Agent: share of all computers. Modules: share of computers with an agent. Last run of each month.',
    },
    width: chartWidth,
    height: chartHeight,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'month',
        type: 'temporal',
        timeUnit: 'utcyearmonth',
        title: 'Month',
        axis: { format: monthFormat, tickCount: { interval: 'month', step: 1 } },
      },
      y: {
        field: 'coverage',
        type: 'quantitative',
        title: 'Coverage',
        scale: { domain: [0, 1] },
        axis: { format: percentFormat },
      },
      color: { field: 'module', type: 'nominal', title: 'Module', scale: colorScale(moduleLabels, moduleColors) },
      tooltip: [
        { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: monthFormat },
        { field: 'module', type: 'nominal', title: 'Module' },
        { field: 'coverage', type: 'quantitative', title: 'Coverage', format: percentFormat },
        { field: 'covered', type: 'quantitative', title: 'Covered', format: countFormat },
        { field: 'computers', type: 'quantitative', title: 'Of', format: countFormat },
      ],
    },
    config: chartConfig,
  } satisfies VegaLiteSpec;
}
