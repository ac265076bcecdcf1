import type { QueryResult } from '../store/query-result';
import { textValue } from './plain-values';

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row. */
export function toCsv(result: QueryResult): string {
  const lines = [result.columns.map((c) => csvCell(c.name)).join(',')];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvCell(textValue(row[c.name], c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
