export type TimeSource = 'last_modified' | 'partition' | 'records';

type Period = { start: Date; end: Date };

/**
 * When a run was taken (its records carry no time): the latest LastModified of its files when that falls inside the period named
 * by the key's date folders (or there are none); otherwise the start of that period, since a bucket copied or
 * restored later has fresh LastModified values. A snapshot is no older than the newest communication its records
 * show inside that period (`newestRecordTime`): where that is later, it is the time (`records`), so that no computer
 * seems to have talked to the manager after the snapshot was taken.
 */
export function snapshotTime(
  lastModified: Date,
  period: Period | null,
  newestRecordTime: Date | null = null,
): { at: Date; source: TimeSource } {
  const taken = fromFilesAndFolders(lastModified, period);
  if (period === null || newestRecordTime === null || !inside(newestRecordTime, period)) return taken;
  return newestRecordTime.getTime() > taken.at.getTime() ? { at: newestRecordTime, source: 'records' } : taken;
}

function fromFilesAndFolders(lastModified: Date, period: Period | null): { at: Date; source: TimeSource } {
  if (period === null || inside(lastModified, period)) return { at: lastModified, source: 'last_modified' };
  return { at: period.start, source: 'partition' };
}

const inside = (t: Date, period: Period): boolean => t.getTime() >= period.start.getTime() && t.getTime() < period.end.getTime();
