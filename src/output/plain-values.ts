import { DuckDBTypeId } from '@duckdb/node-api';
import type { Column } from '../store/query-result';

/** A value as JSON carries it: times as ISO-8601 strings, dates as YYYY-MM-DD, big integers as strings. */
export function jsonValue(value: unknown, column?: Column): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return column?.typeId === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => jsonValue(v));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)]));
  }
  return value;
}

/** A value as one line of text, for tables and CSV cells. */
export function textValue(value: unknown, column?: Column): string {
  const plain = jsonValue(value, column);
  if (plain === null) return '';
  if (typeof plain === 'object') return JSON.stringify(plain);
  return String(plain);
}
