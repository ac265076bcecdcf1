import type { QueryResult } from '../store/query-result';
import { jsonValue } from './plain-values';

/** A JSON array of row objects (design.md: integers as numbers where they fit, times as ISO-8601 strings). */
export function toJson(result: QueryResult): string {
  const rows = result.rows.map((row) =>
    Object.fromEntries(result.columns.map((c) => [c.name, jsonValue(row[c.name], c)])),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
