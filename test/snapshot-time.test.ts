import { describe, expect, it } from 'vitest';
import { periodOf } from '../src/source/layout';
import { snapshotTime } from '../src/source/snapshot-time';

describe('snapshotTime', () => {
  const day = periodOf([2026, 3, 14]);

  it('uses LastModified when there are no date folders', () => {
    const t = new Date('2031-01-01T00:00:00Z');
    expect(snapshotTime(t, null)).toEqual({ at: t, source: 'last_modified' });
  });

  it('uses LastModified when it falls inside the period the date folders name', () => {
    const t = new Date('2026-03-14T09:15:00Z');
    expect(snapshotTime(t, day)).toEqual({ at: t, source: 'last_modified' });
    expect(snapshotTime(new Date('2026-03-14T00:00:00Z'), day).source).toBe('last_modified');
  });

  it('falls back to the start of the period when LastModified is outside it (a copied or restored bucket)', () => {
    expect(snapshotTime(new Date('2026-11-29T10:00:00Z'), day)).toEqual({ at: new Date('2026-03-14T00:00:00Z'), source: 'partition' });
    expect(snapshotTime(new Date('2026-03-15T00:00:00Z'), day).source).toBe('partition');
    expect(snapshotTime(new Date('2026-03-13T23:59:59Z'), day).source).toBe('partition');
  });

  it('takes the newest communication the records show inside the period when it is later (records)', () => {
    const copied = new Date('2026-11-29T10:00:00Z');
    const newest = new Date('2026-03-14T09:45:00Z');
    expect(snapshotTime(copied, day, newest)).toEqual({ at: newest, source: 'records' });
    expect(snapshotTime(new Date('2026-03-14T09:00:00Z'), day, newest)).toEqual({ at: newest, source: 'records' });
    expect(snapshotTime(new Date('2026-03-14T10:00:00Z'), day, newest).source).toBe('last_modified');
    expect(snapshotTime(copied, day, new Date('2026-03-15T00:00:00Z')).source).toBe('partition');
    expect(snapshotTime(copied, null, newest)).toEqual({ at: copied, source: 'last_modified' });
  });
});
