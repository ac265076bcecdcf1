import type { AgentHealthRow, RowsInput } from './rows';
import { rowsOf } from './rows';
import type { ChartSpec } from './spec';
import {
  chartConfig,
  chartHeight,
  countFormat,
  distinctCount,
  monthBarsWidth,
  monthFormat,
  percentFormat,
  vegaLiteSchemaUrl,
} from './theme';
import { countNumber, isoTime } from './values';
import type { VegaLiteSpec } from './vega-lite-types';

export interface SilentAgentsOptions {
  /** The `silent_days` the rows were queried with, for the subtitle. */
  silentDays?: number;
}

const silentColor = '#dc2626';

/** Agents not heard from for more than `silentDays` at the last run of each month (`agent-health` `silent`). */
export function silentAgentsChart(input: RowsInput<AgentHealthRow>, options: SilentAgentsOptions = {}): ChartSpec {
  const silentDays = options.silentDays ?? 7;
  const values = rowsOf(input).map((row) => {
    const silent = countNumber(row.silent);
    const withAgent = countNumber(row.with_agent);
    return { month: isoTime(row.month), silent, with_agent: withAgent, share: withAgent > 0 ? silent / withAgent : 0 };
  });
  const month = { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title: 'Month', axis: { format: monthFormat } } as const;
  const silent = { field: 'silent', type: 'quantitative', title: 'Silent agents', axis: { format: countFormat } } as const;
  return {
    $schema: vegaLiteSchemaUrl,
    title: {
      text: 'Silent agents by month',
      subtitle: `Agents not heard from for more than ${silentDays} days at the last run of each month`,
    },
    width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
    height: chartHeight,
    data: { values },
    encoding: { x: month, y: silent },
    layer: [
      {
        mark: { type: 'bar', color: silentColor },
        encoding: {
          tooltip: [
            { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: monthFormat },
            { field: 'silent', type: 'quantitative', title: 'Silent agents', format: countFormat },
            { field: 'with_agent', type: 'quantitative', title: 'Of', format: countFormat },
            { field: 'share', type: 'quantitative', title: 'Share', format: percentFormat },
          ],
        },
      },
      {
        mark: { type: 'text', dy: -8, color: '#0f172a' },
        encoding: { text: { field: 'share', type: 'quantitative', format: percentFormat } },
      },
    ],
    config: chartConfig,
  } satisfies VegaLiteSpec;
}
