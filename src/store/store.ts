import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { listValue, type DuckDBConnection, type DuckDBInstance, type DuckDBPreparedStatement, type DuckDBResultReader } from '@duckdb/node-api';
import { defaults, engineSettings, loadWriters, sizeBytes, type EngineSettings } from '../config';
import { ExitCode, FleetkitError } from '../errors';
import { VERSION } from '../version';
import { oneThreadAfterOutOfMemory, type EngineThreads } from './one-thread-after-out-of-memory';
import { bindParameters, findNamedQuery, ParameterError } from './named-queries';
import { catalogObject, derivationFiles, knownFields, objectCatalog } from './object-catalog';
import { openWithLockWait, StoreBusyError, type AccessMode } from './open-with-lock-wait';
import { QueryResult, type Row, type SqlParams } from './query-result';
import { digestOf, installSql, isCurrent, readStoreSchema, refuseNewer, SCHEMA_VERSION, writeStoreSchema, type StoreSchema } from './schema-version';
import { sqlFile } from './sql-files';
import { StoreReader } from './store-reader';
import { inBatches } from './in-batches';

export type { SqlParams };

const PER_RUN_DIGEST = 'per_run_model_digest';

/** A run whose model rows are derived: its object, and the period its date folders name (null when none). */
export interface RunToDerive {
  snapshotId: string;
  object: string;
  period: { start: Date; end: Date } | null;
}

export interface DerivedRuns {
  notices: Row[];
  /** Each run's newest record time inside its period, where its object has one (record-time.sql). */
  newest: Map<string, Date>;
}

/**
 * A DuckDB store file with fleetkit's catalog, raw tables and model, held open by this process: read-write by one
 * writer (`open`), or read-only by readers (`openReadOnly`), never both at once.
 */
export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** False for a second connection to a store this process holds open (`anotherConnection`). */
    private readonly ownsFile = true,
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
      await store.install(engine);
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

  private static async connect(file: string, mode: AccessMode, engine: EngineSettings = engineSettings()): Promise<Store> {
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
    // A prepared statement holds what its plan materialized (a MATERIALIZED CTE, a hash table) until it is
    // destroyed: left to the garbage collector, a few statements over large records held hundreds of MB.
    const run = async <T>(index: number, how: (statement: DuckDBPreparedStatement) => Promise<T>): Promise<T> => {
      const statement = await extracted.prepare(index);
      try {
        if (params !== undefined && statement.parameterCount > 0) statement.bind(parametersNamed(statement, params));
        return await how(statement);
      } finally {
        statement.destroySync();
      }
    };
    for (let index = 0; index < extracted.count - 1; index++) await run(index, (statement) => statement.run());
    return run(extracted.count - 1, (statement) => statement.runAndReadAll());
  }

  /** Runs `fn` in one transaction: all of its statements take effect, or none. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      await this.checkpointIfLogFull();
      return result;
    } catch (error) {
      // A COMMIT that fails (a full disk) has already ended the transaction, so this ROLLBACK fails too; the
      // first error is the one that says what happened.
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private readonly engineThreads: EngineThreads = {
    get: async () => Number((await this.query(sqlFile('store/threads'))).rows[0].threads),
    set: async (threads) => void (await this.run(sqlFile('store/set-threads'), { threads })),
  };

  /**
   * Checkpoints when the write-ahead log holds more than DuckDB's checkpoint_threshold. DuckDB itself compares the
   * log with it only as the next commit begins, so the transaction that fills the log stays there, and its large
   * strings stay in memory, while the next one runs: a run of 10,000 computers (about 380 MB of records) was still
   * held while the next loaded, which ran out of 512MB. A checkpoint another writer's open transaction prevents
   * is left to a later commit; the log keeps what it holds either way.
   */
  private async checkpointIfLogFull(): Promise<void> {
    if (this.path === ':memory:') return;
    const logBytes = statSync(`${this.path}.wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (logBytes === 0) return;
    const { threshold } = (await this.query(sqlFile('store/checkpoint-threshold'))).rows[0];
    if (logBytes <= sizeBytes(String(threshold))) return;
    await this.run(sqlFile('store/checkpoint')).catch((error: Error) => {
      if (!error.message.includes('Cannot CHECKPOINT')) throw error;
    });
  }

  /**
   * Clears what runs derived (their model rows and record notices, inside the caller's transaction), so that they
   * can be derived again.
   */
  async clearDerived(snapshotIds: readonly string[]): Promise<void> {
    if (snapshotIds.length === 0) return;
    await this.setBatch(snapshotIds.map((snapshotId) => ({ snapshotId, object: '', period: null })));
    await this.run(sqlFile('store/derive/clear-record-notices'));
    for (const object of objectCatalog()) await this.run(object.clear);
  }

  /**
   * Derives the model rows of runs that have none yet (inside the caller's transaction), several at a time, by
   * each one's object's SQL in `queries/objects/<object>/`: a run of an object the catalog lacks derives nothing.
   * Returns the notices of the records the model left out or merged (`snapshot_id`, `kind`, `file_key`, `message`,
   * by run, file and place in the file) and, for objects that have one, each run's newest record time inside its
   * period.
   */
  async deriveNewRuns(runs: readonly RunToDerive[]): Promise<DerivedRuns> {
    const derived: DerivedRuns = { notices: [], newest: new Map() };
    const known = knownFields();
    // written_at tells the rows of one batch from the others even inside one transaction (a rebuild), as now() would not.
    const fields = {
      known_fields: listValue(known),
      known_lower: listValue(known.map((f) => f.toLowerCase())),
      written_at: new Date().toISOString(),
    };
    for (const definition of objectCatalog()) {
      const batch = runs.filter((run) => run.object === definition.name);
      if (batch.length === 0) continue;
      await this.setBatch(batch);
      await this.run(definition.stage, fields);
      const leftOut = Number((await this.query(sqlFile('store/derive/judge-records'))).rows[0].Count);
      for (const { text } of definition.facts) await this.run(text, fields);
      if (leftOut > 0) derived.notices.push(...(await this.query(sqlFile('store/derive/insert-record-notices'))).rows);
      if (definition.recordTime === null || batch.every((run) => run.period === null)) continue;
      for (const row of (await this.query(definition.recordTime)).rows) {
        if (row.newest instanceof Date) derived.newest.set(String(row.snapshot_id), row.newest);
      }
    }
    // A batch's parsed records can be a good part of the memory limit: they must not stay while the next loads.
    if (runs.some((run) => catalogObject(run.object) !== undefined)) await this.run(sqlFile('store/derive/drop-parsed'));
    return derived;
  }

  /**
   * Brings what spans runs up to date once runs are written: each object's `settle/plan.sql` cuts the work into
   * shares of about `bytes` of records, `settle/share.sql` works each out in a transaction of its own, and
   * `settle/done.sql` drops what the plan made. What a share settles is only ever worked out again, so a share that
   * fails loses nothing.
   */
  async settle(bytes: number = defaults.settleBytes): Promise<void> {
    for (const { settle } of objectCatalog()) {
      if (settle === null) continue;
      const shares = Number((await this.query(settle.plan, { bytes })).rows[0].shares);
      // Each thread reads the records of both runs of a share a vector (2,048 records) at a time, so at 20 KB a
      // record two threads can meet the limit where one does not: on 10,000 × 52 at 512MB, the 28th share of one
      // settling and the 71st of another ran out of memory, and both settle alone on one thread.
      await oneThreadAfterOutOfMemory(shares, (share) => this.transaction(() => this.run(settle.share, { share })), this.engineThreads);
      await this.run(settle.done);
    }
  }

  /** Derives loaded runs' model rows again from their raw records (inside the caller's transaction), replacing them. */
  async deriveAgain(snapshotIds: readonly string[]): Promise<DerivedRuns> {
    await this.clearDerived(snapshotIds);
    const objects = (await this.query(sqlFile('store/derive/run-object'), { snapshot_ids: listValue([...snapshotIds]) })).rows;
    return this.deriveNewRuns(objects.map((row) => ({ snapshotId: String(row.snapshot_id), object: String(row.object), period: null })));
  }

  private async setBatch(runs: readonly RunToDerive[]): Promise<void> {
    const rows = runs.map((run) => ({
      snapshot_id: run.snapshotId,
      object: run.object,
      period_start: run.period?.start.toISOString() ?? null,
      period_end: run.period?.end.toISOString() ?? null,
    }));
    await this.run(sqlFile('store/derive/batch'), { runs: JSON.stringify(rows) });
  }

  /** Lets the file go; it blocks until DuckDB has closed it (checkpointing a writer's changes). */
  closeSync(): void {
    this.connection.closeSync();
    if (this.ownsFile) this.instance.closeSync();
  }

  /**
   * A second connection to the same open store, with its own transactions and temporary tables, so that two
   * batches can be written at once (each statement of a small run keeps one core busy). `closeSync` on it lets only
   * the connection go.
   */
  async anotherConnection(): Promise<Store> {
    const store = new Store(this.path, this.instance, await this.instance.connect(), false);
    await store.run(sqlFile('store/session'));
    return store;
  }

  /** Brings the store to this fleetkit's schema, views and macros, in one transaction; nothing when it has them. */
  private async install(engine: EngineSettings): Promise<void> {
    const schema = await readStoreSchema(this);
    refuseNewer(this.path, schema);
    if (isCurrent(schema)) return;
    await this.transaction(async () => {
      for (const { text } of installSql()) await this.run(text);
      await this.rebuildDerivedIfModelChanged(engine);
      await this.run(sqlFile('store/apply-record-floor'));
      await writeStoreSchema(this);
    });
    await this.settle();
  }

  /** Derives every run again when the model's SQL changed, in batches as large as a load's (one transaction). */
  private async rebuildDerivedIfModelChanged(engine: EngineSettings): Promise<void> {
    const current = digestOf(derivationFiles());
    const stored = (await this.query(sqlFile('store/meta-get'), { name: PER_RUN_DIGEST })).rows[0]?.value;
    if (stored === current) return;
    const runs = (await this.query(sqlFile('store/all-snapshot-ids'))).rows;
    const { batchBytes } = loadWriters(engine);
    for (const batch of inBatches(runs, (run) => Number(run.bytes), batchBytes)) {
      await this.deriveAgain(batch.map((run) => String(run.snapshot_id)));
    }
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
