import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';
import type { LoadNotice } from './load-notice';

/**
 * One notice per object the store holds from more than one flow: figures never add two flows together, so the user
 * learns which flow they read by default and how to choose another.
 */
export async function twoFlowsNotices(store: Store): Promise<LoadNotice[]> {
  const { rows } = await store.query(sqlFile('store/flows-per-object'));
  return rows.map((row) => {
    const flows = (row.flows as string[]).join(', ');
    return {
      kind: 'two-flows-one-object',
      runKey: null,
      fileKey: null,
      line: null,
      message:
        `${(row.flows as string[]).length} flows hold ${String(row.object)} (${flows}): figures read one flow, never ` +
        `their sum; by default ${String(row.primary_flow)} (the one with the newest run); choose another with --param flow=<name>`,
    };
  });
}
