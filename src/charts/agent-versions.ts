import type { AgentVersionRow, RowsInput } from './rows';
import { rowsOf } from './rows';
import type { ChartSpec } from './spec';
import {
  chartConfig,
  chartHeight,
  distinctCount,
  monthBarsWidth,
  countFormat,
  monthFormat,
  newestVersionColor,
  oldestVersionColor,
  percentFormat,
  vegaLiteSchemaUrl,
} from './theme';
import { countNumber, isoTime } from './values';
import type { VegaLiteSpec } from './vega-lite-types';

/** Share of agents on each version at the last run of each month, newest version darkest (`agent-versions`). */
export function agentVersionsChart(input: RowsInput<AgentVersionRow>): ChartSpec {
  const rows = rowsOf(input);
  const newestFirst = [...new Set(rows.map((row) => row.agent_version))].sort(compareVersions).reverse();
  const values = rows.map((row) => ({
    month: isoTime(row.month),
    version: row.agent_version,
    rank: newestFirst.indexOf(row.agent_version),
    computers: countNumber(row.computers),
  }));
  return {
    $schema: vegaLiteSchemaUrl,
    title: { text: 'Agent version adoption', subtitle: 'Share of agents on each version at the last run of each month' },
    width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
    height: chartHeight,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title: 'Month', axis: { format: monthFormat } },
      y: {
        field: 'computers',
        type: 'quantitative',
        stack: 'normalize',
        title: 'Share of agents',
        axis: { format: percentFormat },
      },
      color: {
        field: 'version',
        type: 'ordinal',
        title: 'Agent version',
        scale: { domain: newestFirst, range: colorSteps(newestVersionColor, oldestVersionColor, newestFirst.length) },
      },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: monthFormat },
        { field: 'version', type: 'nominal', title: 'Version' },
        { field: 'computers', type: 'quantitative', title: 'Agents', format: countFormat },
      ],
    },
    config: chartConfig,
  } satisfies VegaLiteSpec;
}

/** `count` colours evenly spaced from `first` to `last` (both #rrggbb). */
export function colorSteps(first: string, last: string, count: number): string[] {
  const [from, to] = [first, last].map((color) => [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16)));
  return Array.from({ length: count }, (_, step) => {
    const t = count === 1 ? 0 : step / (count - 1);
    const channels = from.map((channel, i) => Math.round(channel + (to[i] - channel) * t));
    return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  });
}

/** Orders dotted versions numerically part by part ("20.0.1-1234" after "9.6.2"), text after numbers. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.\-_ ]/);
  const right = b.split(/[.\-_ ]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const order = compareVersionPart(left[i], right[i]);
    if (order !== 0) return order;
  }
  return 0;
}

function compareVersionPart(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const left = Number(a);
  const right = Number(b);
  if (Number.isInteger(left) && Number.isInteger(right)) return left - right;
  if (Number.isInteger(left)) return -1;
  if (Number.isInteger(right)) return 1;
  return a < b ? -1 : 1;
}
