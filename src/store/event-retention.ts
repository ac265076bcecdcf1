import { FleetkitError } from '../errors';
import { sqlFile } from './sql-files';
import type { Store } from './store';

const RETENTION = 'event_retention_days';
const DAY_MS = 86_400_000;

/** The days of events the store keeps (every load removes older ones), or null when it keeps them all. */
export async function eventRetentionDays(store: Pick<Store, 'query'>): Promise<number | null> {
  const value = (await store.query(sqlFile('store/meta-get'), { name: RETENTION })).rows[0]?.value;
  return value === undefined || value === null ? null : Number(value);
}

/** Keeps `days` days of events from now on (null: all of them). */
export async function setEventRetention(store: Store, days: number | null): Promise<void> {
  if (days !== null && (!Number.isInteger(days) || days < 1)) throw new FleetkitError(`the event retention must be a whole number of days, at least 1, not ${days}`);
  if (days === null) await store.run(sqlFile('store/meta-delete'), { name: RETENTION });
  else await store.run(sqlFile('store/meta-set'), { name: RETENTION, value: String(days) });
}

/** Removes the events recorded before `before`; returns how many were removed. */
export async function pruneEventsBefore(store: Store, before: Date): Promise<number> {
  return store.transaction(async () => {
    const result = await store.query(sqlFile('store/prune-events'), { before: before.toISOString() });
    await store.run(sqlFile('store/recount-event-day'), { before: before.toISOString() });
    return Number(result.rows[0]?.Count ?? 0);
  });
}

/** The start of the days the retention keeps, counted back from `now`; null when the store keeps every event. */
export function retentionCutoff(days: number | null, now: Date): Date | null {
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}
