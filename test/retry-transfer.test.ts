import { describe, expect, it } from 'vitest';
import { backoffMs, retryTransfer } from '../src/source/retry-transfer';
import { TransferError } from '../src/source/transfer-error';

/** A task that fails with the given errors in turn, then answers. */
function failingThen<T>(errors: Error[], answer: T) {
  const task = { calls: 0, run: async () => (task.calls++ < errors.length ? Promise.reject(errors[task.calls - 1]) : answer) };
  return task;
}

describe('retryTransfer', () => {
  it('tries a transfer that broke off again, up to the attempts in all', async () => {
    const recovers = failingThen([new TransferError('ECONNRESET'), new TransferError('ECONNRESET')], 'done');
    await expect(retryTransfer(recovers.run, { attempts: 3, baseDelayMs: 1 })).resolves.toBe('done');
    expect(recovers.calls).toBe(3);

    const last = new TransferError('received 1 of 2 bytes');
    const gives = failingThen([new TransferError('ECONNRESET'), last, new TransferError('never reached')], 'never');
    await expect(retryTransfer(gives.run, { attempts: 2, baseDelayMs: 1 })).rejects.toBe(last);
    expect(gives.calls).toBe(2);
  });

  it('does not try again after any other failure, nor with one attempt', async () => {
    const denied = new Error('AccessDenied');
    const other = failingThen([denied], 'never');
    await expect(retryTransfer(other.run, { attempts: 5, baseDelayMs: 1 })).rejects.toBe(denied);
    expect(other.calls).toBe(1);
    const once = failingThen([new TransferError('EPIPE')], 'never');
    await expect(retryTransfer(once.run, { attempts: 1 })).rejects.toBeInstanceOf(TransferError);
    expect(once.calls).toBe(1);
  });
});

describe('backoffMs', () => {
  it('doubles from 100 ms up to 2 s by default, scaled by the random draw', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffMs(attempt, { attempts: 9 }, 1))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    expect(backoffMs(3, { attempts: 9 }, 0.25)).toBe(100);
    expect(backoffMs(3, { attempts: 9 }, 0)).toBe(0);
  });

  it('takes the base and the cap of the policy', () => {
    const policy = { attempts: 9, baseDelayMs: 30, maxDelayMs: 100 };
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, policy, 1))).toEqual([30, 60, 100, 100]);
    expect(backoffMs(2, policy, 0.5)).toBe(30);
  });

  it('waits less than the cap when drawn at random', () => {
    for (let i = 0; i < 50; i++) {
      const wait = backoffMs(8, { attempts: 9 });
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(2000);
    }
  });
});
