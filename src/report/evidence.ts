import { join } from 'node:path';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';

/** The evidence tables of the session (see queries/report/) and the file names they are written to. */
const evidenceTables = [
  { table: 'fk_evidence_inventory', name: 'inventory' },
  { table: 'fk_evidence_control_results', name: 'control-results' },
  { table: 'fk_evidence_policy_changes', name: 'policy-changes' },
] as const;

/** Writes each evidence table as CSV (cells made safe for spreadsheets) and Parquet (typed) into `dir`; returns the file names. */
export async function writeEvidence(store: Store, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const { table, name } of evidenceTables) {
    await store.run(sqlFile('report/copy-csv'), { table, file: join(dir, `${name}.csv`) });
    await store.run(sqlFile('report/copy-parquet'), { table, file: join(dir, `${name}.parquet`) });
    files.push(`${name}.csv`, `${name}.parquet`);
  }
  return files;
}
