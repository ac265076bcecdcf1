import { listValue } from '@duckdb/node-api';
import { locateParseError } from '../formats/locate-error';
import { recordExpression, type ColumnDescription } from '../store/record-expression';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';
import { FileLoadError, type FetchedFile } from './fetched-file';

/** A run's files, and the object its records are stored under. */
export interface RunFiles {
  snapshotId: string;
  object: string;
  files: FetchedFile[];
}

/**
 * Inserts the records of every file of the runs into fk_records; returns how many each file holds, run by run.
 * With several runs, their Parquet files of one schema are read by one statement, which costs half of reading
 * them one by one; a failure then names no file, and the caller loads the runs one at a time, file by file.
 */
export async function insertRecords(store: Store, runs: RunFiles[]): Promise<number[][]> {
  const counts = runs.map(({ files }) => files.map(() => 0));
  const together: { run: RunFiles; file: FetchedFile }[] = [];
  for (const [i, run] of runs.entries()) {
    for (const [j, file] of run.files.entries()) {
      if (runs.length > 1 && file.format === 'parquet') together.push({ run, file });
      else counts[i][j] = await insertFile(store, run, file);
    }
  }
  if (together.length === 0) return counts;
  const schemas = await store.query(sqlFile('store/parquet-schemas'), { paths: listValue(together.map(({ file }) => file.path)) });
  const schemaOf = new Map(schemas.rows.map((row) => [String(row.path), String(row.schema)]));
  const bySchema = new Map<string | undefined, { run: RunFiles; file: FetchedFile }[]>();
  for (const member of together) {
    const schema = schemaOf.get(member.file.path);
    const members = bySchema.get(schema) ?? [];
    members.push(member);
    bySchema.set(schema, members);
  }
  for (const members of bySchema.values()) {
    const columns = await failingAs(members[0].file, () => describe(store, members[0].file));
    await store.run(sqlFile('store/insert-parquet-files').replace('{{record}}', () => recordExpression(columns)), {
      paths: listValue(members.map(({ file }) => file.path)),
      files: JSON.stringify(members.map(({ run, file }) => ({ path: file.path, snapshot_id: run.snapshotId, object: run.object, file_key: file.key }))),
    });
  }
  const counted = await store.query(sqlFile('store/count-file-records'), { snapshot_ids: listValue(runs.map((run) => run.snapshotId)) });
  const byFile = new Map(counted.rows.map((row) => [`${row.snapshot_id}\0${row.file_key}`, Number(row.records)]));
  return runs.map((run, i) => run.files.map((file, j) => (file.format === 'parquet' ? (byFile.get(`${run.snapshotId}\0${file.key}`) ?? 0) : counts[i][j])));
}

/** Inserts one file's records (each insert SQL is one statement); returns how many. */
async function insertFile(store: Store, run: RunFiles, file: FetchedFile): Promise<number> {
  return failingAs(file, async () => {
    const params: Record<string, string> = { snapshot_id: run.snapshotId, object: run.object, file_key: file.key, path: file.path };
    let sql = sqlFile(`store/insert-${file.format === 'json-lines' ? 'json-values' : file.format}`);
    if (file.format === 'json-lines' || file.format === 'json-values') {
      params.format = file.format === 'json-lines' ? 'newline_delimited' : 'unstructured';
    } else if (file.format === 'csv' || file.format === 'parquet') {
      const columns = await describe(store, file);
      sql = sql.replace('{{record}}', () => recordExpression(columns));
    }
    return Number((await store.query(sql, params)).rows[0].Count);
  });
}

async function describe(store: Store, file: FetchedFile): Promise<ColumnDescription[]> {
  const described = await store.query(sqlFile(`store/describe-${file.format}`), { path: file.path });
  return described.rows as unknown as ColumnDescription[];
}

/** Runs `read`; a failure becomes a FileLoadError naming the file and, where it can be found, the line. */
async function failingAs<T>(file: FetchedFile, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const location = await locateParseError(file.path, file.format).catch(() => null);
    const duckdbProblem = (error as Error).message.split('\n')[0].replace(/"[^"]*"/, 'the file');
    throw new FileLoadError(file.key, file.location, location?.line ?? null, location?.problem ?? duckdbProblem);
  }
}
