import type { ChartSpec } from './spec';
import { agentStatusChart } from './agent-status';
import { agentVersionsChart } from './agent-versions';
import { coverageHeatmapChart } from './coverage-heatmap';
import type { CoverageChartOptions } from './coverage-options';
import { coverageTrendChart } from './coverage-trend';
import { fleetSizeChart } from './fleet-size';
import { policyChangesChart } from './policy-changes';
import type { AgentHealthRow, AgentVersionRow, FleetCoverageRow, FleetSizeRow, PolicyChangeRow, RowsInput } from './rows';
import type { SilentAgentsOptions } from './silent-agents';
import { silentAgentsChart } from './silent-agents';

/**
 * What narrows a chart: `from`/`to` (dates YYYY-MM-DD or times) and the silence threshold in days go to its query;
 * `osFamily` picks the rows the coverage charts draw.
 */
export interface ChartOptions extends CoverageChartOptions, SilentAgentsOptions {
  from?: string;
  to?: string;
}

export interface ChartDefinition {
  title: string;
  /** The named query (queries/<query>.sql) whose rows the chart draws. */
  query: string;
  /** The named query's parameters for these options; options not given are left to the query's defaults. */
  queryParams(options: ChartOptions): Record<string, string | number>;
  /** Builds the chart from rows (or a result) of `query`, as the store returns them. */
  build(rows: RowsInput<object>, options?: ChartOptions): ChartSpec;
}

type ChartBuilder<Row> = (rows: RowsInput<Row>, options?: ChartOptions) => ChartSpec;

/** The registry takes any query rows: a builder trusts them to have its query's columns, as the store promises. */
function fromQueryRows<Row>(build: ChartBuilder<Row>): ChartDefinition['build'] {
  return build as ChartDefinition['build'];
}

function periodParams(options: ChartOptions): Record<string, string> {
  return {
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
}

function agentHealthParams(options: ChartOptions): Record<string, string | number> {
  return {
    ...periodParams(options),
    ...(options.silentDays === undefined ? {} : { silent_days: options.silentDays }),
  };
}

export const charts = {
  'coverage-trend': {
    title: 'Protection coverage by module',
    query: 'fleet-coverage',
    queryParams: periodParams,
    build: fromQueryRows<FleetCoverageRow>(coverageTrendChart),
  },
  'coverage-heatmap': {
    title: 'Coverage heatmap: module × month',
    query: 'fleet-coverage',
    queryParams: periodParams,
    build: fromQueryRows<FleetCoverageRow>(coverageHeatmapChart),
  },
  'agent-status': {
    title: 'Agent status by month',
    query: 'agent-health',
    queryParams: agentHealthParams,
    build: fromQueryRows<AgentHealthRow>(agentStatusChart),
  },
  'silent-agents': {
    title: 'Silent agents by month',
    query: 'agent-health',
    queryParams: agentHealthParams,
    build: fromQueryRows<AgentHealthRow>(silentAgentsChart),
  },
  'agent-versions': {
    title: 'Agent version adoption',
    query: 'agent-versions',
    queryParams: periodParams,
    build: fromQueryRows<AgentVersionRow>(agentVersionsChart),
  },
  'policy-changes': {
    title: 'Policy changes',
    query: 'policy-changes',
    queryParams: periodParams,
    build: fromQueryRows<PolicyChangeRow>(policyChangesChart),
  },
  'fleet-size': {
    title: 'Fleet size by operating system',
    query: 'fleet-size',
    queryParams: periodParams,
    build: fromQueryRows<FleetSizeRow>(fleetSizeChart),
  },
} as const satisfies Record<string, ChartDefinition>;

export type ChartName = keyof typeof charts;

export const chartNames = Object.keys(charts) as ChartName[];

export function isChartName(name: string): name is ChartName {
  return Object.hasOwn(charts, name);
}
