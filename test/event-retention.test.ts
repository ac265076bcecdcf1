import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetkitError } from '../src/errors';
import { eventRetentionDays, retentionCutoff, setEventRetention } from '../src/store/event-retention';
import { Store } from '../src/store/store';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store?.closeSync());

describe('the event retention setting', () => {
  it('keeps every event until a retention is set, and again once it is cleared', async () => {
    expect(await eventRetentionDays(store)).toBeNull();
    await setEventRetention(store, 400);
    expect(await eventRetentionDays(store)).toBe(400);
    await setEventRetention(store, 30);
    expect(await eventRetentionDays(store)).toBe(30);
    await setEventRetention(store, null);
    expect(await eventRetentionDays(store)).toBeNull();
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses %s days and keeps the setting it had', async (days) => {
    await setEventRetention(store, 90);
    const refusal = setEventRetention(store, days);
    await expect(refusal).rejects.toBeInstanceOf(FleetkitError);
    await expect(refusal).rejects.toThrow(`the event retention must be a whole number of days, at least 1, not ${days}`);
    expect(await eventRetentionDays(store)).toBe(90);
  });

  it('takes one day as the shortest retention', async () => {
    await setEventRetention(store, 1);
    expect(await eventRetentionDays(store)).toBe(1);
  });
});

describe('the retention cutoff', () => {
  it('is the given number of whole days before now, or none when every event is kept', () => {
    const now = new Date('2026-12-03T10:30:00Z');
    expect(retentionCutoff(30, now)).toEqual(new Date('2026-11-03T10:30:00Z'));
    expect(retentionCutoff(1, now)).toEqual(new Date('2026-12-02T10:30:00Z'));
    expect(retentionCutoff(null, now)).toBeNull();
  });
});
