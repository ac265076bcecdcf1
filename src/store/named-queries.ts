import { readdirSync } from 'node:fs';
import type { DuckDBValue } from '@duckdb/node-api';
import { ExitCode, FleetkitError } from '../errors';
import { QUERIES_DIR, sqlFile } from './sql-files';

export interface QueryParameter {
  name: string;
  /** The SQL type the query expects, e.g. DATE, TIMESTAMPTZ, INTEGER, VARCHAR. */
  type: string;
  /** The default as written in the header (`NULL` when none). */
  defaultValue: string | null;
  description: string;
}

export interface NamedQuery {
  name: string;
  description: string;
  params: QueryParameter[];
  sql: string;
}

const PARAM_LINE = /^--\s*@param\s+(\w+)\s+(\w+)(?:\s+default\s+(\S+))?\s*(.*)$/;

/** Reads a named query's header: its first comment line says what it answers, `@param` lines its parameters. */
export function parseNamedQuery(name: string, sql: string): NamedQuery {
  const header = sql.split('\n').filter((line) => line.startsWith('--'));
  const description = (header.find((line) => !PARAM_LINE.test(line)) ?? '').replace(/^--\s*/, '');
  const params = header.flatMap((line) => {
    const m = PARAM_LINE.exec(line);
    if (!m) return [];
    const defaultValue = m[3] === undefined || m[3].toUpperCase() === 'NULL' ? null : m[3];
    return [{ name: m[1], type: m[2].toUpperCase(), defaultValue, description: m[4] }];
  });
  return { name, description, params, sql };
}

/** Every `queries/<name>.sql` file, the questions fleetkit answers by name. */
export function listNamedQueries(): NamedQuery[] {
  return readdirSync(QUERIES_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => file.slice(0, -4))
    .map((name) => parseNamedQuery(name, sqlFile(name)));
}

export function findNamedQuery(name: string): NamedQuery | null {
  return listNamedQueries().find((q) => q.name === name) ?? null;
}

/** An unknown query name or parameter, or a value that is not of the parameter's type: a usage error. */
export class ParameterError extends FleetkitError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/**
 * The bound values for a named query: each given value converted to its declared type, defaults for the rest.
 * Values are always bound, never written into the SQL.
 */
export function bindParameters(query: NamedQuery, given: Record<string, unknown>): Record<string, DuckDBValue> {
  const known = new Set(query.params.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const takes = query.params.length > 0 ? query.params.map((p) => p.name).join(', ') : 'no parameters';
      throw new ParameterError(`query ${query.name} has no parameter "${name}" (it takes: ${takes})`);
    }
  }
  const bound: Record<string, DuckDBValue> = {};
  for (const p of query.params) {
    if (!query.sql.includes(`$${p.name}`)) continue;
    const value = given[p.name] ?? p.defaultValue;
    bound[p.name] = convert(query.name, p, value);
  }
  return bound;
}

function convert(queryName: string, p: QueryParameter, value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const bad = (expected: string) => new ParameterError(`parameter ${p.name} of query ${queryName} must be ${expected}, got "${text}"`);
  switch (p.type) {
    case 'INTEGER':
    case 'BIGINT': {
      if (!/^-?\d+$/.test(text)) throw bad('a whole number');
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : BigInt(text);
    }
    case 'DOUBLE':
      if (!Number.isFinite(Number(text)) || text.trim() === '') throw bad('a number');
      return Number(text);
    case 'BOOLEAN':
      if (!/^(true|false)$/i.test(text)) throw bad('true or false');
      return text.toLowerCase() === 'true';
    case 'DATE':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw bad('a date like 2026-03-14');
      return text;
    case 'TIMESTAMPTZ':
    case 'TIMESTAMP':
      if (Number.isNaN(Date.parse(text))) throw bad('a date or time like 2026-03-14 or 2026-03-14T09:00:00Z');
      return text;
    default:
      return text;
  }
}

