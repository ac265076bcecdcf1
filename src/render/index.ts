export { chartFormatOfFile, chartFormats, isChartFormat } from './chart-format';
export type { ChartFormat } from './chart-format';
export { escapeHtml } from './escape-html';
export { toHtml } from './to-html';
export { toPng } from './to-png';
export type { PngOptions } from './to-png';
export { toSvg } from './to-svg';
export { renderChartAs, writeChart } from './write-chart';
