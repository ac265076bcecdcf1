export { agentStatusChart } from './agent-status';
export { agentVersionsChart, compareVersions } from './agent-versions';
export { coverageHeatmapChart } from './coverage-heatmap';
export type { CoverageChartOptions } from './coverage-options';
export { coverageTrendChart } from './coverage-trend';
export { fleetSizeChart } from './fleet-size';
export { policyChangesChart } from './policy-changes';
export { silentAgentsChart } from './silent-agents';
export type { SilentAgentsOptions } from './silent-agents';
export { chartNames, charts, isChartName } from './registry';
export { chartConfig, chartFont } from './theme';
export type { ChartDefinition, ChartName, ChartOptions } from './registry';
export { chartSpecFromStore, renderChart } from './render-chart';
export type { NamedQueryRunner, RenderChartOptions, RenderedChart } from './render-chart';
export type {
  AgentHealthRow,
  AgentVersionRow,
  CountValue,
  CoverageModule,
  FleetCoverageRow,
  FleetSizeRow,
  OsFamily,
  PolicyChangeRow,
  RowsInput,
  TimeValue,
} from './rows';
export type { ChartSpec } from './spec';
