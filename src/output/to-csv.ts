import type { QueryResult } from '../store/query-result';
import { textValue } from './plain-values';

/** A CSV field, quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a header row, cells as they are: give it `spreadsheetSafe(store, result)` for a file that a
 * spreadsheet will open.
 */
export function toCsv(result: QueryResult): string {
  const lines = [result.columns.map((c) => csvField(c.name)).join(',')];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvField(textValue(row[c.name], c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
