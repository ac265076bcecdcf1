import { escapeHtml } from '../render/escape-html';

export interface HtmlTableInput {
  columns: readonly string[];
  /** The rows to draw (already cut to the row limit). */
  rows: readonly Readonly<Record<string, unknown>>[];
  /** How many rows the whole result has. */
  totalRows: number;
}

const longTextLength = 300;
const fractionDigits = 4;
const cellStyle = 'padding:3px 10px;border-bottom:1px solid #e2e8f0;vertical-align:top';
const headerStyle = `${cellStyle};text-align:left;border-bottom:2px solid #94a3b8;font-weight:600`;
const nullCell = '<span style="color:#94a3b8">NULL</span>';

/** A plain HTML table; every value and column name is escaped, long text is cut, fractions rounded to 4 digits. */
export function htmlTable({ columns, rows, totalRows }: HtmlTableInput): string {
  const header = columns.map((column) => `<th style="${headerStyle}">${escapeHtml(column)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((column) => tableCell(row[column])).join('')}</tr>`)
    .join('\n');
  return [
    '<div class="fleetkit-table">',
    `<table style="border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums">`,
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    `<p style="color:#475569;font-size:12px;margin:6px 0 0">${escapeHtml(rowCountCaption(rows.length, totalRows))}</p>`,
    '</div>',
  ].join('\n');
}

export function rowCountCaption(shown: number, total: number): string {
  const plural = total === 1 ? 'row' : 'rows';
  return shown < total
    ? `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${plural}`
    : `${total.toLocaleString('en-US')} ${plural}`;
}

function tableCell(value: unknown): string {
  if (value === null || value === undefined) return `<td style="${cellStyle}">${nullCell}</td>`;
  const numeric = typeof value === 'number' || typeof value === 'bigint';
  const style = numeric ? `${cellStyle};text-align:right` : cellStyle;
  return `<td style="${style}">${escapeHtml(shortened(cellText(value)))}</td>`;
}

export function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return value.toLocaleString('en-US', { maximumFractionDigits: fractionDigits, useGrouping: false });
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && (Array.isArray(value) || isPlainObject(value))) {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  }
  return String(value);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function shortened(text: string): string {
  return text.length > longTextLength ? `${text.slice(0, longTextLength)}…` : text;
}
