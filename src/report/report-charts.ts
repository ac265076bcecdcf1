import { chart as agentStatus } from '../charts/agent-status';
import { chart as coverageTrend } from '../charts/coverage-trend';
import { chart as silentAgents } from '../charts/silent-agents';
import type { ChartSpec } from '../render/chart-spec';
import { toSvg } from '../render/to-svg';
import type { ReportLanguage } from './messages';
import type { ReportData } from './report-data';
import type { RenderedSvgChart } from './render-report';

function chartTitle(spec: ChartSpec): string {
  const title = spec.title as { text?: unknown } | string | undefined;
  return typeof title === 'string' ? title : String(title?.text ?? '');
}

/** The report's trend charts (coverage, agent status, silent agents) as SVG, in the report's language. */
export async function renderReportCharts(data: ReportData, lang: ReportLanguage): Promise<RenderedSvgChart[]> {
  const options = { lang, silentDays: data.silentDays };
  const specs: ChartSpec[] = [];
  if (data.coverage.length > 0) specs.push(coverageTrend.build(data.coverage, options));
  if (data.agentHealth.length > 0) specs.push(agentStatus.build(data.agentHealth, options), silentAgents.build(data.agentHealth, options));
  const charts: RenderedSvgChart[] = [];
  for (const spec of specs) charts.push({ title: chartTitle(spec), svg: await toSvg(spec) });
  return charts;
}
