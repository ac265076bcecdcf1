import { setTimeout as sleep } from 'node:timers/promises';
import { TransferError } from './transfer-error';

export interface TransferRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The backoff before attempt n+1 is a random time up to baseDelayMs × 2^(n-1), capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Runs `task` again, with jittered exponential backoff, as long as it fails with a TransferError. */
export async function retryTransfer<T>(task: () => Promise<T>, policy: TransferRetryPolicy): Promise<T> {
  const base = policy.baseDelayMs ?? 100;
  const cap = policy.maxDelayMs ?? 2000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof TransferError) || attempt >= policy.attempts) throw error;
      await sleep(Math.random() * Math.min(cap, base * 2 ** (attempt - 1)));
    }
  }
}
