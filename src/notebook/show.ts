import type { ChartSpec } from '../render/chart-spec';
import { toSvg } from '../render/to-svg';
import { htmlTable } from './html-table';
import { kernelDisplay } from './kernel-display';

/** A query result as the store returns it: rows, and optionally its columns and the count before any limit. */
export interface RowsResult {
  readonly rows: readonly object[];
  readonly columns?: readonly (string | { readonly name: string })[];
  readonly totalRows?: number;
}

/** An apache-arrow Table, as `QueryResult.toArrow()` gives. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  slice(begin: number, end: number): { toArray(): { toJSON(): object }[] };
}

/** A danfo.js DataFrame. */
export interface DanfoFrameLike {
  readonly columns: readonly string[];
  readonly values: readonly (readonly unknown[])[];
  readonly shape: readonly number[];
}

export type Showable = readonly object[] | RowsResult | ChartSpec | ArrowTableLike | DanfoFrameLike;

export interface ShowOptions {
  /** Most rows drawn in a table (default 20); the caption tells how many there are in all. */
  limit?: number;
}

const defaultRowLimit = 20;
const chartKeys = ['mark', 'layer', 'concat', 'hconcat', 'vconcat', 'facet', 'repeat'];

/**
 * Shows query rows or a query result as a table, a chart spec as an inline SVG, an Arrow table or a danfo
 * DataFrame as a table. In a tslab cell it displays the output (`await show(x)`); elsewhere it returns the HTML.
 */
export async function show(value: Showable, options: ShowOptions = {}): Promise<string | undefined> {
  const html = await showHtml(value, options);
  const display = kernelDisplay();
  if (display === undefined) return html;
  if (isChartSpec(value)) display.svg(html);
  else display.html(html);
  return undefined;
}

/** The HTML (a table, or for a chart spec its SVG) that show() displays. */
export async function showHtml(value: Showable, options: ShowOptions = {}): Promise<string> {
  const limit = options.limit ?? defaultRowLimit;
  if (isChartSpec(value)) return toSvg(value);
  if (isArrowTable(value)) {
    const rows = value.slice(0, limit).toArray().map((row) => row.toJSON() as Record<string, unknown>);
    return htmlTable({ columns: value.schema.fields.map((field) => field.name), rows, totalRows: value.numRows });
  }
  if (isDanfoFrame(value)) {
    const rows = value.values
      .slice(0, limit)
      .map((cells) => Object.fromEntries(value.columns.map((column, i) => [column, cells[i]])));
    return htmlTable({ columns: value.columns, rows, totalRows: value.shape[0] ?? value.values.length });
  }
  const result: RowsResult = isRowArray(value) ? { rows: value } : value;
  const rows = result.rows.slice(0, limit) as Readonly<Record<string, unknown>>[];
  const columns = result.columns?.map((column) => (typeof column === 'string' ? column : column.name)) ?? columnsOf(rows);
  return htmlTable({ columns, rows, totalRows: result.totalRows ?? result.rows.length });
}

function columnsOf(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  return [...new Set(rows.flatMap((row) => Object.keys(row)))];
}

function isRowArray(value: Showable): value is readonly object[] {
  return Array.isArray(value);
}

/** A plain object (not a class instance such as an Arrow table) that has Vega-Lite's schema or a view's keys. */
function isChartSpec(value: Showable): value is ChartSpec {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value) || (prototype !== Object.prototype && prototype !== null)) return false;
  const schema = (value as { $schema?: unknown }).$schema;
  return (typeof schema === 'string' && schema.includes('vega-lite')) || chartKeys.some((key) => key in value);
}

function isArrowTable(value: Showable): value is ArrowTableLike {
  const table = value as Partial<ArrowTableLike>;
  return typeof table.numRows === 'number' && Array.isArray(table.schema?.fields) && typeof table.slice === 'function';
}

function isDanfoFrame(value: Showable): value is DanfoFrameLike {
  const frame = value as Partial<DanfoFrameLike>;
  return Array.isArray(frame.columns) && Array.isArray(frame.values) && Array.isArray(frame.shape);
}
