import type { AgentHealthRow, RowsInput } from './rows';
import { rowsOf } from './rows';
import type { ChartSpec } from './spec';
import {
  agentStatusColors,
  agentStatusColumns,
  agentStatusLabels,
  chartConfig,
  chartHeight,
  distinctCount,
  monthBarsWidth,
  colorScale,
  countFormat,
  monthFormat,
  vegaLiteSchemaUrl,
} from './theme';
import { countNumber, isoTime } from './values';
import type { VegaLiteSpec } from './vega-lite-types';

/** Agents by status at the last run of each month, stacked (`agent-health`, one bar segment per status column). */
export function agentStatusChart(input: RowsInput<AgentHealthRow>): ChartSpec {
  const values = rowsOf(input).flatMap((row) =>
    agentStatusColumns.map((status, order) => ({
      month: isoTime(row.month),
      status: agentStatusLabels[status],
      order,
      agents: countNumber(row[status]),
      with_agent: countNumber(row.with_agent),
    })),
  );
  return {
    $schema: vegaLiteSchemaUrl,
    title: { text: 'Agent status by month', subtitle: 'Computers with an agent, by agent status, at the last run of each month' },
    width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
    height: chartHeight,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title: 'Month', axis: { format: monthFormat } },
      y: { field: 'agents', type: 'quantitative', stack: 'zero', title: 'Agents', axis: { format: countFormat } },
      color: { field: 'status', type: 'nominal', title: 'Agent status', scale: colorScale(agentStatusLabels, agentStatusColors) },
      order: { field: 'order', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: monthFormat },
        { field: 'status', type: 'nominal', title: 'Status' },
        { field: 'agents', type: 'quantitative', title: 'Agents', format: countFormat },
        { field: 'with_agent', type: 'quantitative', title: 'Of', format: countFormat },
      ],
    },
    config: chartConfig,
  } satisfies VegaLiteSpec;
}
