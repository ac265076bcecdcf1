import { chartFont } from '../../render/chart-font';
import type { VegaLiteConfig } from '../../render/vega-lite-types';
import type { AgentStatusColumn, ChangeType, CoverageModule, OsFamily } from './rows';

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

const ink = '#0f172a';
const mutedInk = '#475569';
const gridLine = '#e2e8f0';
const axisLine = '#94a3b8';

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

export const agentStatusColors: Readonly<Record<AgentStatusColumn, string>> = {
  active: '#16a34a',
  warning: '#f59e0b',
  error: '#dc2626',
  inactive: '#64748b',
  not_supported: '#cbd5e1',
  unknown: '#a8a29e',
};

export const osFamilyColors: Readonly<Record<OsFamily, string>> = {
  windows: '#2563eb',
  linux: '#f59e0b',
  other: '#94a3b8',
};

export const changeTypeColors: Readonly<Record<ChangeType, string>> = {
  created: '#16a34a',
  modified: '#2563eb',
  deleted: '#dc2626',
};

/** Event types by `EventType`, coloured as the modules that send them. */
export const eventTypeColors: Readonly<Record<string, string>> = {
  PacketLog: moduleColors.firewall,
  PayloadLog: moduleColors.intrusion_prevention,
  AntiMalwareEvent: moduleColors.anti_malware,
  WebReputationEvent: moduleColors.web_reputation,
  IntegrityEvent: moduleColors.integrity_monitoring,
  LogInspectionEvent: moduleColors.log_inspection,
  AppControlEvent: moduleColors.application_control,
  SystemEvent: moduleColors.agent,
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

/** `count` colours evenly spaced from `first` to `last` (both #rrggbb). */
export function colorSteps(first: string, last: string, count: number): string[] {
  const [from, to] = [first, last].map((color) => [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16)));
  return Array.from({ length: count }, (_, step) => {
    const t = count === 1 ? 0 : step / (count - 1);
    const channels = from.map((channel, i) => Math.round(channel + (to[i] - channel) * t));
    return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  });
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
