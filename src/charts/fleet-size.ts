import type { FleetSizeRow, OsFamily, RowsInput } from './rows';
import { rowsOf } from './rows';
import type { ChartSpec } from './spec';
import {
  chartConfig,
  chartHeight,
  distinctCount,
  monthBarsWidth,
  colorScale,
  countFormat,
  monthFormat,
  osFamilyColors,
  osFamilyLabels,
  vegaLiteSchemaUrl,
} from './theme';
import { countNumber, isoTime } from './values';
import type { VegaLiteSpec } from './vega-lite-types';

const osFamilyOrder = Object.keys(osFamilyLabels) as OsFamily[];

/** Computers at the last run of each month, stacked by operating-system family (`fleet-size`). */
export function fleetSizeChart(input: RowsInput<FleetSizeRow>): ChartSpec {
  const values = rowsOf(input).map((row) => ({
    month: isoTime(row.month),
    os_family: osFamilyLabels[row.os_family],
    order: osFamilyOrder.indexOf(row.os_family),
    computers: countNumber(row.computers),
    with_agent: countNumber(row.with_agent),
  }));
  return {
    $schema: vegaLiteSchemaUrl,
    title: { text: 'Fleet size by operating system', subtitle: 'Computers at the last run of each month' },
    width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
    height: chartHeight,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title: 'Month', axis: { format: monthFormat } },
      y: { field: 'computers', type: 'quantitative', stack: 'zero', title: 'Computers', axis: { format: countFormat } },
      color: { field: 'os_family', type: 'nominal', title: 'OS family', scale: colorScale(osFamilyLabels, osFamilyColors) },
      order: { field: 'order', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: monthFormat },
        { field: 'os_family', type: 'nominal', title: 'OS family' },
        { field: 'computers', type: 'quantitative', title: 'Computers', format: countFormat },
        { field: 'with_agent', type: 'quantitative', title: 'With an agent', format: countFormat },
      ],
    },
    config: chartConfig,
  } satisfies VegaLiteSpec;
}
