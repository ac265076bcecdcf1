import { listValue } from '@duckdb/node-api';
import { QueryResult } from '../store/query-result';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';
import { textValue } from './plain-values';

/**
 * The result (column names too) as text cells a spreadsheet will not run as formulas, by the same rule and the same
 * SQL macro as the report's CSV evidence: `=HYPERLINK(…)` from a host name becomes `'=HYPERLINK(…)`.
 */
export async function spreadsheetSafe(store: Pick<Store, 'run' | 'query'>, result: QueryResult): Promise<QueryResult> {
  const names = result.columns.map((c) => c.name);
  const cells = result.rows.flatMap((row) => result.columns.map((c) => textValue(row[c.name], c)));
  await store.run(sqlFile('report/macros'));
  const safe = (await store.query(sqlFile('output/spreadsheet-safe-cells'), { cells: listValue([...names, ...cells]) })).rows[0].cells as string[];
  const width = names.length;
  const columns = result.columns.map((c, i) => ({ ...c, name: safe[i] }));
  const rows = result.rows.map((_, r) => Object.fromEntries(columns.map((c, i) => [c.name, safe[(r + 1) * width + i]])));
  return new QueryResult({ columns, rows });
}
