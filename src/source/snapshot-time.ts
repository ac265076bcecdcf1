export type TimeSource = 'last_modified' | 'partition';

/**
 * When a run was taken (domain.md): the latest LastModified of its files when that falls inside the period named
 * by the key's date folders (or there are none); otherwise the start of that period, since a bucket copied or
 * restored later has fresh LastModified values.
 */
export function snapshotTime(
  lastModified: Date,
  period: { start: Date; end: Date } | null,
): { at: Date; source: TimeSource } {
  if (period === null) return { at: lastModified, source: 'last_modified' };
  const t = lastModified.getTime();
  if (t >= period.start.getTime() && t < period.end.getTime()) return { at: lastModified, source: 'last_modified' };
  return { at: period.start, source: 'partition' };
}
