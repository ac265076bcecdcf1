import { createHash } from 'node:crypto';
import { FleetkitError } from '../errors';
import { VERSION } from '../version';
import { derivationFiles, settleFiles } from './object-catalog';
import type { QueryResult } from './query-result';
import { sqlFile, sqlFolder } from './sql-files';

/**
 * The version of what a store holds (tables, columns, their meaning). Raise it with every change to
 * queries/store/schema.sql or queries/store/migrations/ that a store written before it lacks; an older fleetkit
 * then refuses the store instead of misreading it. Stores made before versioning count as 0. Version 2 keeps the event
 * counts by day (fk_event_days), which a load of version 1 would leave behind its events. Version 3 types the fields
 * the system event and anti-malware questions list (fk_events.number and the columns after it), which a load of
 * version 2 would leave empty.
 */
export const SCHEMA_VERSION = 3;

const META = { schemaVersion: 'schema_version', fleetkitVersion: 'fleetkit_version', installed: 'installed_digest' } as const;

interface Queryable {
  query(sql: string, params?: Record<string, string>): Promise<QueryResult>;
  run(sql: string, params?: Record<string, string>): Promise<void>;
}

export interface StoreSchema {
  schemaVersion: number;
  /** The fleetkit that last installed the store's schema, null before versioning. */
  fleetkitVersion: string | null;
  /** Digest of the schema, views and macros installed, null before versioning. */
  installedDigest: string | null;
}

/** What a writer installs when it opens a store, in order: tables, migrations of older stores, views and macros. */
export function installSql(): { name: string; text: string }[] {
  return [
    { name: 'store/schema', text: sqlFile('store/schema') },
    ...sqlFolder('store/migrations'),
    { name: 'store/macros', text: sqlFile('store/macros') },
    { name: 'store/snapshots-view', text: sqlFile('store/snapshots-view') },
    ...sqlFolder('model'),
  ];
}

/**
 * Digest of everything a writer installs, the per-run model and the settling included: a change to any of it is an
 * upgrade (and an install unsettles every run, queries/model/45-computer-changes.sql).
 */
function installedDigest(): string {
  return digestOf([...installSql(), ...derivationFiles(), ...settleFiles()]);
}

export function digestOf(files: { name: string; text: string }[]): string {
  const digest = createHash('sha256');
  for (const { name, text } of files) digest.update(name).update('\0').update(text).update('\0');
  return digest.digest('hex');
}

export async function readStoreSchema(store: Queryable): Promise<StoreSchema> {
  const present = (await store.query(sqlFile('store/meta-present'))).rows[0]?.present === true;
  const meta = new Map<string, string>();
  if (present) for (const row of (await store.query(sqlFile('store/meta-all'))).rows) meta.set(String(row.name), String(row.value));
  const version = meta.get(META.schemaVersion);
  return {
    schemaVersion: version === undefined ? 0 : Number(version),
    fleetkitVersion: meta.get(META.fleetkitVersion) ?? null,
    installedDigest: meta.get(META.installed) ?? null,
  };
}

export async function writeStoreSchema(store: Queryable): Promise<void> {
  const values = { [META.schemaVersion]: String(SCHEMA_VERSION), [META.fleetkitVersion]: VERSION, [META.installed]: installedDigest() };
  for (const [name, value] of Object.entries(values)) await store.run(sqlFile('store/meta-set'), { name, value });
}

/** Whether the store holds what this fleetkit installs (else a writer upgrades it). */
export function isCurrent(schema: StoreSchema): boolean {
  return schema.schemaVersion === SCHEMA_VERSION && schema.installedDigest === installedDigest();
}

/** Refuses a store made by a newer fleetkit: its tables may mean what this one cannot read. */
export function refuseNewer(path: string, schema: StoreSchema): void {
  if (schema.schemaVersion <= SCHEMA_VERSION) return;
  throw new FleetkitError(
    `the store ${path} was made by fleetkit ${schema.fleetkitVersion ?? '?'} (store schema ${schema.schemaVersion}); ` +
      `this is fleetkit ${VERSION} (store schema ${SCHEMA_VERSION}): upgrade fleetkit to read it`,
  );
}
