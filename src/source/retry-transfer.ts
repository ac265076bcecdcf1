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
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof TransferError) || attempt >= policy.attempts) throw error;
      await sleep(backoffMs(attempt, policy));
    }
  }
}

/** The wait after failed attempt `attempt` (1 for the first); `random` is in [0, 1). */
export function backoffMs(attempt: number, policy: TransferRetryPolicy, random = Math.random()): number {
  const base = policy.baseDelayMs ?? 100;
  const cap = policy.maxDelayMs ?? 2000;
  return random * Math.min(cap, base * 2 ** (attempt - 1));
}
