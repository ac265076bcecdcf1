import type { CountValue, TimeValue } from './rows';

/** An ISO-8601 UTC string for a time the store returned, so a spec is plain JSON and parses the same everywhere. */
export function isoTime(value: TimeValue): string {
  const time = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(time.getTime())) {
    throw new Error(`not a time: ${String(value)}`);
  }
  return time.toISOString();
}

export function countNumber(value: CountValue | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const count = Number(value);
  if (!Number.isFinite(count)) {
    throw new Error(`not a count: ${String(value)}`);
  }
  return count;
}
