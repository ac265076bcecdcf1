import type { CoverageModule, OsFamily, PolicyChangeRow } from './rows';
import type { VegaLiteConfig } from './vega-lite-types';

/**
 * The one font of every chart. Vega measures label widths with this font's metrics (see render/text-measure)
 * and resvg draws with the same file, so what is laid out is what is drawn. Japanese text, which DejaVu Sans
 * lacks, falls back to Noto Sans CJK; browsers without DejaVu Sans fall back to the rest of the list.
 */
export const chartFontFamily = 'DejaVu Sans';
export const chartFont = `${chartFontFamily}, Noto Sans CJK JP, Verdana, Geneva, sans-serif`;

export const vegaLiteSchemaUrl = 'https://vega.github.io/schema/vega-lite/v6.json';

export const chartWidth = 640;
export const chartHeight = 320;
const monthBandStep = 64;

/** Bars by month fill the chart's width, or keep to a band of 64 px when there are too few months to fill it. */
export function monthBarsWidth(months: number): number | { step: number } {
  return months * monthBandStep >= chartWidth ? chartWidth : { step: monthBandStep };
}

export function distinctCount(values: readonly unknown[]): number {
  return new Set(values).size;
}

export const percentFormat = '.0%';
export const countFormat = ',d';
export const monthFormat = '%b %Y';
export const dayFormat = '%-d %b %Y';
export const timeFormat = '%-d %b %Y %H:%M UTC';

const ink = '#0f172a';
const mutedInk = '#475569';
const gridLine = '#e2e8f0';
const axisLine = '#94a3b8';

export const moduleLabels: Readonly<Record<CoverageModule, string>> = {
  agent: 'Agent installed',
  anti_malware: 'Anti-malware',
  web_reputation: 'Web reputation',
  firewall: 'Firewall',
  intrusion_prevention: 'Intrusion prevention',
  integrity_monitoring: 'Integrity monitoring',
  log_inspection: 'Log inspection',
  application_control: 'Application control',
};

export const moduleColors: Readonly<Record<CoverageModule, string>> = {
  agent: '#334155',
  anti_malware: '#2563eb',
  web_reputation: '#0891b2',
  firewall: '#ea580c',
  intrusion_prevention: '#dc2626',
  integrity_monitoring: '#7c3aed',
  log_inspection: '#16a34a',
  application_control: '#ca8a04',
};

export const agentStatusColumns = ['active', 'warning', 'error', 'inactive', 'not_supported', 'unknown'] as const;
export type AgentStatusColumn = (typeof agentStatusColumns)[number];

export const agentStatusLabels: Readonly<Record<AgentStatusColumn, string>> = {
  active: 'Active',
  warning: 'Warning',
  error: 'Error',
  inactive: 'Inactive',
  not_supported: 'Not supported',
  unknown: 'Unknown',
};

export const agentStatusColors: Readonly<Record<AgentStatusColumn, string>> = {
  active: '#16a34a',
  warning: '#f59e0b',
  error: '#dc2626',
  inactive: '#64748b',
  not_supported: '#cbd5e1',
  unknown: '#a8a29e',
};

export const osFamilyLabels: Readonly<Record<OsFamily, string>> = {
  windows: 'Windows',
  linux: 'Linux',
  other: 'Other',
};

export const osFamilyColors: Readonly<Record<OsFamily, string>> = {
  windows: '#2563eb',
  linux: '#f59e0b',
  other: '#94a3b8',
};

export const changeTypeLabels: Readonly<Record<PolicyChangeRow['change_type'], string>> = {
  created: 'Created',
  modified: 'Modified',
  deleted: 'Deleted',
};

export const changeTypeColors: Readonly<Record<PolicyChangeRow['change_type'], string>> = {
  created: '#16a34a',
  modified: '#2563eb',
  deleted: '#dc2626',
};

/** Agent versions from newest (darkest) to oldest (lightest). */
export const newestVersionColor = '#1e3a8a';
export const oldestVersionColor = '#bfdbfe';

/** Labels and colours in one place so a legend's order and colours follow the record's order. */
export function colorScale<Key extends string>(
  labels: Readonly<Record<Key, string>>,
  colors: Readonly<Record<Key, string>>,
  keys: readonly Key[] = Object.keys(labels) as Key[],
): { domain: string[]; range: string[] } {
  return { domain: keys.map((key) => labels[key]), range: keys.map((key) => colors[key]) };
}

export const chartConfig = {
  font: chartFont,
  background: 'white',
  padding: 16,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 16,
    fontWeight: 'bold',
    color: ink,
    subtitleFontSize: 12,
    subtitleColor: mutedInk,
    subtitlePadding: 4,
    offset: 14,
  },
  axis: {
    labelFontSize: 11,
    labelColor: mutedInk,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: ink,
    titlePadding: 8,
    gridColor: gridLine,
    domainColor: axisLine,
    tickColor: axisLine,
    labelOverlap: true,
    labelSeparation: 6,
  },
  axisX: { labelAngle: 0, grid: false },
  axisBand: { labelAngle: 0 },
  legend: {
    labelFontSize: 11,
    labelColor: mutedInk,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: ink,
    symbolType: 'circle',
  },
  line: { strokeWidth: 2 },
  point: { size: 36, filled: true },
  bar: { discreteBandSize: { band: 0.7 } },
  text: { fontSize: 11 },
} satisfies VegaLiteConfig;
