import type { QueryResult } from '../store/query-result';
import { jsonValue } from './plain-values';

// JSON.stringify escapes C0 controls but leaves DEL and C1 (U+009B is a terminal's CSI) as they are; they can only
// stand inside strings, where \u escapes mean the same text.
const UNESCAPED_CONTROLS = /[\u007f-\u009f]/g;

function escapeControl(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A JSON array of row objects (integers as numbers where they fit, times as ISO-8601 strings). */
export function toJson(result: QueryResult): string {
  const rows = result.rows.map((row) =>
    Object.fromEntries(result.columns.map((c) => [c.name, jsonValue(row[c.name], c)])),
  );
  return `${JSON.stringify(rows, null, 2).replace(UNESCAPED_CONTROLS, escapeControl)}\n`;
}
