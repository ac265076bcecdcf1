import { jsToDuckDBValue } from '@duckdb/node-api';
import type { Row } from '../store/query-result';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';

/** Appends rows to one of the session's temporary tables, matching row keys to column names (missing keys are NULL). */
export async function appendRows(store: Store, table: string, rows: Row[]): Promise<void> {
  const columns = (await store.query(sqlFile('report/table-columns'), { table })).rows.map((r) => String(r.column_name));
  const appender = await store.connection.createAppender(table, 'main', 'temp');
  try {
    for (const row of rows) {
      columns.forEach((name, i) => {
        const type = appender.columnType(i);
        appender.appendValue(jsToDuckDBValue((row[name] ?? null) as never, type), type);
      });
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
