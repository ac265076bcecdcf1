import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { sqlFile, sqlFolder } from './sql-files';
import { bindParameters, findNamedQuery, ParameterError } from './named-queries';
import { QueryResult } from './query-result';

export type SqlParams = Record<string, DuckDBValue>;

const PER_RUN_MODEL = 'model/per-run';
const PER_RUN_DIGEST = 'per_run_model_digest';

/** A DuckDB store file with fleetkit's catalog, raw tables and model installed. */
export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<Store> {
    const file = path === ':memory:' ? path : resolve(path);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const store = new Store(file, instance, await instance.connect());
    await store.install();
    return store;
  }

  /** Runs SQL text (one or more statements) with named parameters and reads the last statement's result. */
  async query(sql: string, params?: SqlParams): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return new QueryResult(reader);
  }

  /** Runs `queries/<name>.sql` with its parameters (converted to their declared types, defaults for the rest). */
  async named(name: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    const query = findNamedQuery(name);
    if (query === null) throw new ParameterError(`no query named "${name}" (fleetkit query --list shows them)`);
    return this.query(query.sql, bindParameters(query, params));
  }

  /** Runs SQL; text with several statements runs them one by one, each given the parameters it uses. */
  async run(sql: string, params?: SqlParams): Promise<void> {
    const parts = params === undefined ? [sql] : statements(sql);
    for (const part of parts) await this.connection.run(part, params && parametersUsed(part, params));
  }

  /** Runs `fn` in one transaction: all of its statements take effect, or none. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** Re-derives a run's model tables from its raw records (inside the caller's transaction). */
  async deriveRun(snapshotId: string): Promise<void> {
    for (const { text } of sqlFolder(PER_RUN_MODEL)) await this.run(text, { snapshot_id: snapshotId });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async install(): Promise<void> {
    await this.run(sqlFile('store/session'));
    await this.run(sqlFile('store/schema'));
    await this.run(sqlFile('store/macros'));
    await this.run(sqlFile('store/snapshots-view'));
    for (const { text } of sqlFolder('model')) await this.run(text);
    await this.rebuildDerivedIfModelChanged();
  }

  private async rebuildDerivedIfModelChanged(): Promise<void> {
    const digest = createHash('sha256');
    for (const { name, text } of sqlFolder(PER_RUN_MODEL)) digest.update(name).update('\0').update(text).update('\0');
    const current = digest.digest('hex');
    const stored = (await this.query(sqlFile('store/meta-get'), { name: PER_RUN_DIGEST })).rows[0]?.value;
    if (stored === current) return;
    await this.transaction(async () => {
      const ids = (await this.query(sqlFile('store/all-snapshot-ids'))).rows.map((r) => String(r.snapshot_id));
      for (const id of ids) await this.deriveRun(id);
      await this.run(sqlFile('store/meta-set'), { name: PER_RUN_DIGEST, value: current });
    });
  }
}

export function openStore(path: string): Promise<Store> {
  return Store.open(path);
}

/** Splits SQL text at semicolons that end a line (how fleetkit's own multi-statement files are written). */
function statements(sql: string): string[] {
  return sql.split(/;[ \t]*(?:\r?\n|$)/).filter((part) => part.replace(/--.*$/gm, '').trim() !== '');
}

function parametersUsed(sql: string, params: SqlParams): SqlParams {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}
