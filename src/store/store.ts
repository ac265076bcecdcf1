import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { listValue, type DuckDBConnection, type DuckDBInstance, type DuckDBPreparedStatement, type DuckDBResultReader } from '@duckdb/node-api';
import { engineSettings, type EngineSettings } from '../config';
import { ExitCode, FleetkitError } from '../errors';
import { VERSION } from '../version';
import { bindParameters, findNamedQuery, ParameterError } from './named-queries';
import { catalogObject, derivationFiles, knownFields, objectCatalog } from './object-catalog';
import { openWithLockWait, StoreBusyError, type AccessMode } from './open-with-lock-wait';
import { QueryResult, type Row, type SqlParams } from './query-result';
import { digestOf, installSql, isCurrent, readStoreSchema, refuseNewer, SCHEMA_VERSION, writeStoreSchema, type StoreSchema } from './schema-version';
import { sqlFile } from './sql-files';
import { StoreReader } from './store-reader';

export type { SqlParams };

const PER_RUN_DIGEST = 'per_run_model_digest';

/**
 * A DuckDB store file with fleetkit's catalog, raw tables and model, held open by this process: read-write by one
 * writer (`open`), or read-only by readers (`openReadOnly`), never both at once.
 */
export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens the store for writing (created when missing) and installs or upgrades its tables, views and macros.
   * `engine` sets DuckDB's memory and threads (config.ts has the defaults and their variables).
   */
  static async open(path: string, engine: EngineSettings = engineSettings()): Promise<Store> {
    const file = path === ':memory:' ? path : resolve(path);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const store = await Store.connect(file, 'read-write', engine);
    try {
      await store.install();
    } catch (error) {
      store.closeSync();
      throw error;
    }
    return store;
  }

  /**
   * Opens an existing store read-only, for one command's session: nothing is created, so readers share the file.
   * A store an older fleetkit made is upgraded first, when the write lock can be had.
   */
  static async openReadOnly(path: string): Promise<Store> {
    const file = resolve(path);
    if (!existsSync(file)) throw new FleetkitError(`no store at ${path} (run fleetkit load first, or give --db)`, ExitCode.usage);
    const store = await Store.connect(file, 'read-only');
    let schema: StoreSchema;
    try {
      schema = await readStoreSchema(store);
      refuseNewer(file, schema);
    } catch (error) {
      store.closeSync();
      throw error;
    }
    if (isCurrent(schema)) return store;
    store.closeSync();
    await upgrade(file, schema);
    return Store.connect(file, 'read-only');
  }

  private static async connect(file: string, mode: AccessMode, engine?: EngineSettings): Promise<Store> {
    const instance = await openWithLockWait(file, mode, engine);
    const store = new Store(file, instance, await instance.connect());
    try {
      await store.run(sqlFile('store/session'));
    } catch (error) {
      store.closeSync();
      throw error;
    }
    return store;
  }

  /** Runs SQL text (one or more statements, each given the parameters it names) and reads the last one's result. */
  async query(sql: string, params?: SqlParams): Promise<QueryResult> {
    return new QueryResult(await this.runStatements(sql, params));
  }

  /** Runs `queries/<name>.sql` with its parameters (converted to their declared types, defaults for the rest). */
  async named(name: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    const query = findNamedQuery(name);
    if (query === null) throw new ParameterError(`no query named "${name}" (fleetkit query --list shows them)`);
    return this.query(query.sql, bindParameters(query, params));
  }

  /** Runs SQL text (one or more statements, each given the parameters it names). */
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.runStatements(sql, params);
  }

  /**
   * Runs each statement in turn and reads the last one's result. A statement is prepared only once those before it
   * have run, since it may name a table an earlier one creates.
   */
  private async runStatements(sql: string, params: SqlParams | undefined): Promise<DuckDBResultReader> {
    const extracted = await this.connection.extractStatements(sql);
    const prepare = async (index: number) => {
      const statement = await extracted.prepare(index);
      if (params !== undefined && statement.parameterCount > 0) statement.bind(parametersNamed(statement, params));
      return statement;
    };
    for (let index = 0; index < extracted.count - 1; index++) await (await prepare(index)).run();
    return (await prepare(extracted.count - 1)).runAndReadAll();
  }

  /** Runs `fn` in one transaction: all of its statements take effect, or none. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      // A COMMIT that fails (a full disk) has already ended the transaction, so this ROLLBACK fails too; the
      // first error is the one that says what happened.
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Re-derives a run's model tables from its raw records (inside the caller's transaction), replacing its rows;
   * returns the notices of the records the model left out or merged, as deriveNewRun does.
   */
  async deriveRun(snapshotId: string): Promise<Row[]> {
    const id = { snapshot_id: snapshotId };
    await this.run(sqlFile('store/derive/clear-record-notices'), id);
    for (const object of objectCatalog()) await this.run(object.clear, id);
    const stored = (await this.query(sqlFile('store/derive/run-object'), id)).rows[0]?.object;
    return stored === undefined ? [] : this.deriveNewRun(snapshotId, String(stored));
  }

  /**
   * Derives the model rows of a run that has none yet (inside the caller's transaction), by its object's SQL in
   * `queries/objects/<object>/`: a run of an object the catalog lacks derives nothing. Returns the notices of the
   * records the model left out or merged (`kind`, `file_key`, `message`), by file and place in the file.
   */
  async deriveNewRun(snapshotId: string, object: string): Promise<Row[]> {
    const definition = catalogObject(object);
    if (definition === undefined) return [];
    const known = knownFields();
    const params = { snapshot_id: snapshotId, object, known_fields: listValue(known), known_lower: listValue(known.map((f) => f.toLowerCase())) };
    await this.run(definition.stage, params);
    const leftOut = Number((await this.query(sqlFile('store/derive/judge-records'))).rows[0].Count);
    for (const { text } of definition.facts) await this.run(text, params);
    // The temporary tables stay until the next run replaces them: dropping them would cost statements every run.
    if (leftOut === 0) return [];
    return (await this.query(sqlFile('store/derive/insert-record-notices'), { snapshot_id: snapshotId, object })).rows;
  }

  /** Lets the file go; it blocks until DuckDB has closed it (checkpointing a writer's changes). */
  closeSync(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** Brings the store to this fleetkit's schema, views and macros, in one transaction; nothing when it has them. */
  private async install(): Promise<void> {
    const schema = await readStoreSchema(this);
    refuseNewer(this.path, schema);
    if (isCurrent(schema)) return;
    await this.transaction(async () => {
      for (const { text } of installSql()) await this.run(text);
      await this.rebuildDerivedIfModelChanged();
      await this.run(sqlFile('store/apply-record-floor'));
      await writeStoreSchema(this);
    });
  }

  private async rebuildDerivedIfModelChanged(): Promise<void> {
    const current = digestOf(derivationFiles());
    const stored = (await this.query(sqlFile('store/meta-get'), { name: PER_RUN_DIGEST })).rows[0]?.value;
    if (stored === current) return;
    const ids = (await this.query(sqlFile('store/all-snapshot-ids'))).rows.map((r) => String(r.snapshot_id));
    for (const id of ids) await this.deriveRun(id);
    await this.run(sqlFile('store/meta-set'), { name: PER_RUN_DIGEST, value: current });
  }
}

/** Opens a store an older fleetkit made for writing, once, so that it is upgraded; then lets it go. */
async function upgrade(file: string, schema: StoreSchema): Promise<void> {
  const needs =
    schema.schemaVersion < SCHEMA_VERSION
      ? `it has store schema ${schema.schemaVersion} and this fleetkit ${VERSION} needs ${SCHEMA_VERSION}`
      : `its views and macros are not those of this fleetkit ${VERSION}`;
  const then = `run fleetkit load --db ${file} (it upgrades the store) when nothing else has it open`;
  try {
    (await Store.open(file)).closeSync();
  } catch (error) {
    if (error instanceof StoreBusyError) throw new FleetkitError(`${error.message}: ${needs}; ${then}`, ExitCode.storeBusy, { cause: error });
    if (error instanceof FleetkitError) throw error;
    const reason = (error as Error).message.split('\n')[0];
    throw new FleetkitError(`the store ${file} could not be upgraded (${reason}): ${needs}; ${then}`, ExitCode.failed, { cause: error });
  }
}

/**
 * The store as a notebook holds it: every call opens the file read-only, runs and lets go, so that a store kept
 * between cells never blocks a load. Fails at once when there is no store at `path`.
 */
export async function openStore(path: string): Promise<StoreReader> {
  const reader = new StoreReader(path, () => Store.openReadOnly(path));
  await reader.check();
  return reader;
}

function parametersNamed(statement: DuckDBPreparedStatement, params: SqlParams): SqlParams {
  const names = Array.from({ length: statement.parameterCount }, (_, index) => statement.parameterName(index + 1));
  return Object.fromEntries(names.filter((name) => Object.hasOwn(params, name)).map((name) => [name, params[name]]));
}
