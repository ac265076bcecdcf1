import { agentStatusChart } from '../charts/agent-status';
import { coverageTrendChart } from '../charts/coverage-trend';
import type { AgentHealthRow, FleetCoverageRow } from '../charts/rows';
import { silentAgentsChart } from '../charts/silent-agents';
import type { ChartSpec } from '../charts/spec';
import { agentStatusLabels, moduleLabels, monthFormat } from '../charts/theme';
import { toSvg } from '../render/to-svg';
import type { ReportLanguage } from './messages';
import type { ReportData } from './report-data';
import type { RenderedSvgChart } from './render-report';

/** The charts' English texts in Japanese: titles, axis and legend titles, category labels and the month format. */
function japaneseChartTexts(silentDays: number): Record<string, string> {
  const modules: Record<keyof typeof moduleLabels, string> = {
    agent: 'エージェント導入',
    anti_malware: '不正プログラム対策',
    web_reputation: 'Webレピュテーション',
    firewall: 'ファイアウォール',
    intrusion_prevention: '侵入防御',
    integrity_monitoring: '変更監視',
    log_inspection: 'セキュリティログ監視',
    application_control: 'アプリケーションコントロール',
  };
  const statuses: Record<keyof typeof agentStatusLabels, string> = {
    active: '有効',
    warning: '警告',
    error: 'エラー',
    inactive: '無効',
    not_supported: '未サポート',
    unknown: '不明',
  };
  return {
    ...Object.fromEntries(Object.entries(moduleLabels).map(([key, label]) => [label, modules[key as keyof typeof modules]])),
    ...Object.fromEntries(
      Object.entries(agentStatusLabels).map(([key, label]) => [label, statuses[key as keyof typeof statuses]]),
    ),
    'Protection coverage by module': 'モジュール別の保護の適用率',
    'Agent: share of all computers. Modules: share of computers with an agent. Last run of each month.':
      'エージェント：全コンピュータに占める割合。モジュール：エージェント導入済みコンピュータに占める割合。各月の最後の取得時点。',
    'Agent status by month': '月別のエージェントの状態',
    'Computers with an agent, by agent status, at the last run of each month':
      'エージェント導入済みコンピュータのエージェントの状態別内訳（各月の最後の取得時点）',
    'Silent agents by month': '月別の通信のないエージェント',
    [`Agents not heard from for more than ${silentDays} days at the last run of each month`]:
      `各月の最後の取得時点で ${silentDays} 日を超えて通信のないエージェント`,
    'Silent agents': '通信のないエージェント',
    Month: '月',
    Coverage: '適用率',
    Module: 'モジュール',
    Agents: 'エージェント数',
    'Agent status': 'エージェントの状態',
    Status: '状態',
    Covered: '適用',
    Of: '母数',
    Share: '割合',
    [monthFormat]: '%Y年%-m月',
  };
}

/** A spec with every string value found in `texts` replaced; keys and field references are left as they are. */
export function translateSpec(spec: unknown, texts: Readonly<Record<string, string>>): unknown {
  if (typeof spec === 'string') return Object.hasOwn(texts, spec) ? texts[spec] : spec;
  if (Array.isArray(spec)) return spec.map((item) => translateSpec(item, texts));
  if (spec !== null && typeof spec === 'object') {
    return Object.fromEntries(
      Object.entries(spec).map(([key, value]) => [key, key === 'field' ? value : translateSpec(value, texts)]),
    );
  }
  return spec;
}

function chartTitle(spec: ChartSpec): string {
  const title = spec.title as { text?: unknown } | string | undefined;
  return typeof title === 'string' ? title : String(title?.text ?? '');
}

/** The report's trend charts (coverage, agent status, silent agents) as SVG, in the report's language. */
export async function renderReportCharts(data: ReportData, lang: ReportLanguage): Promise<RenderedSvgChart[]> {
  const specs: ChartSpec[] = [];
  if (data.coverage.length > 0) specs.push(coverageTrendChart(data.coverage as unknown as FleetCoverageRow[]));
  if (data.agentHealth.length > 0) {
    const health = data.agentHealth as unknown as AgentHealthRow[];
    specs.push(agentStatusChart(health), silentAgentsChart(health, { silentDays: data.silentDays }));
  }
  const texts = lang === 'ja' ? japaneseChartTexts(data.silentDays) : {};
  const charts: RenderedSvgChart[] = [];
  for (const spec of specs) {
    const translated = translateSpec(spec, texts) as ChartSpec;
    charts.push({ title: chartTitle(translated), svg: await toSvg(translated) });
  }
  return charts;
}
