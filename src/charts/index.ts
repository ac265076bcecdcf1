export { chartNames, charts, isChartName } from './engine/catalog';
export type { ChartName } from './engine/catalog';
export { chartSpecFromStore, renderChart } from './engine/render-chart';
export type { NamedQueryRunner, RenderChartOptions, RenderedChart } from './engine/render-chart';
export { defineChart } from './kit/chart';
export type { Chart, ChartDefinition, ChartDrawing, ChartOptions } from './kit/chart';
export { chartLanguages, isChartLanguage } from './kit/languages';
export type { ChartLanguage } from './kit/languages';
export { chartConfig } from './kit/theme';
export { compareVersions } from './kit/versions';
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
} from './kit/rows';
