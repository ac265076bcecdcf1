import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DuckDBValue } from '@duckdb/node-api';
import { defaults } from '../config';
import { spreadsheetSafe } from '../output/spreadsheet-safe';
import { toCsv } from '../output/to-csv';
import { toJson } from '../output/to-json';
import { toTable } from '../output/to-table';
import { bindParameters, findNamedQuery, listNamedQueries } from '../store/named-queries';
import { sqlFile } from '../store/sql-files';
import { arrowFileBytes } from '../store/to-arrow';
import { Store } from '../store/store';
import { parseCommandArgs, UsageError, type Command } from './command';

const FORMATS = ['table', 'csv', 'json', 'parquet', 'arrow'] as const;
type Format = (typeof FORMATS)[number];

const usage = `Usage: fleetkit query <"SQL" | file.sql | query-name> [--db ${defaults.db}] [--param name=value …]
                      [--format table|csv|json|parquet|arrow] [--out FILE]
       fleetkit query --list

Runs SQL against the store: text, a .sql file, or one of fleetkit's named queries (see --list).
--format json prints a JSON array of row objects; parquet and arrow need --out.`;

function parseParams(items: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new UsageError(`--param takes name=value, got "${item}"`);
    params[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return params;
}

function listQueries(): string {
  return listNamedQueries()
    .map((q) => {
      const params = q.params.map((p) => `    --param ${p.name}=<${p.type}>${p.defaultValue === null ? '' : ` (default ${p.defaultValue})`}  ${p.description}`);
      return [`${q.name}\n    ${q.description}`, ...params].join('\n');
    })
    .join('\n');
}

/** The SQL and bound values a query argument stands for. */
function resolveQuery(arg: string, params: Record<string, string>): { sql: string; values: Record<string, DuckDBValue> } {
  const named = findNamedQuery(arg);
  if (named) return { sql: named.sql, values: bindParameters(named, params) };
  const sql = /\.sql$/i.test(arg) && existsSync(arg) ? readFileSync(arg, 'utf8') : arg;
  if (/^[\w-]+$/.test(sql.trim())) throw new UsageError(`no query named "${arg}" (fleetkit query --list shows them)`);
  const values: Record<string, DuckDBValue> = {};
  for (const [k, v] of Object.entries(params)) values[k] = v;
  return { sql, values };
}

export const queryCommand: Command = {
  usage,
  async run(argv) {
    const { values: opts, positionals } = parseCommandArgs(
      argv,
      {
        db: { type: 'string', default: defaults.db },
        param: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'table' },
        out: { type: 'string' },
        list: { type: 'boolean' },
      },
      usage,
    );
    if (opts.list) {
      process.stdout.write(`${listQueries()}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`query takes one SQL text, .sql file or query name\n\n${usage}`);
    const format = opts.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const out = opts.out as string | undefined;
    if ((format === 'parquet' || format === 'arrow') && out === undefined) throw new UsageError(`--format ${format} needs --out FILE`);
    const { sql, values } = resolveQuery(positionals[0], parseParams(opts.param as string[]));

    const store = await Store.openReadOnly(opts.db as string);
    try {
      if (format === 'parquet') {
        const query = sql.trim().replace(/;\s*$/, '');
        await store.run(sqlFile('cli/copy-parquet').replace('{{query}}', () => `\n${query}\n`), { ...values, fleetkit_out_path: out! });
        return 0;
      }
      const result = await store.query(sql, values);
      if (format === 'arrow') {
        writeFileSync(out!, arrowFileBytes(result.toArrow()));
        return 0;
      }
      const text = format === 'csv' ? toCsv(await spreadsheetSafe(store, result)) : format === 'json' ? toJson(result) : toTable(result);
      if (out === undefined) process.stdout.write(text);
      else writeFileSync(out, text);
      return 0;
    } finally {
      store.closeSync();
    }
  },
};
