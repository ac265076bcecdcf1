import { setTimeout as sleep } from 'node:timers/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { engineSettings, lockWaitSeconds, type EngineSettings } from '../config';
import { ExitCode, FleetkitError } from '../errors';

export type AccessMode = 'read-write' | 'read-only';

const FIRST_RETRY_MS = 50;
const LONGEST_RETRY_MS = 500;
// DuckDB's message when another process holds the file: `… Conflicting lock is held in /usr/bin/node (PID 123) …`.
const LOCK_HELD = /Could not set lock on file .*?Conflicting lock is held in (.+?) \(PID (\d+)\)/;

/** Another process held the store longer than FLEETKIT_LOCK_WAIT seconds. */
export class StoreBusyError extends FleetkitError {
  constructor(readonly holder: string) {
    super(`store is busy (held by ${holder})`, ExitCode.storeBusy);
  }
}

/**
 * Opens a DuckDB file, retrying while another process holds its lock (one writer or many readers, never both),
 * until the lock wait is over.
 */
export async function openWithLockWait(file: string, mode: AccessMode, engine: EngineSettings = engineSettings()): Promise<DuckDBInstance> {
  const options: Record<string, string> = {
    memory_limit: engine.memoryLimit,
    threads: String(engine.threads),
    // A new store takes this DuckDB's storage format, which compresses record columns with Zstandard (the default
    // stays at an old format that cannot); a store made before keeps its own.
    storage_compatibility_version: 'latest',
  };
  if (mode === 'read-only') options.access_mode = 'READ_ONLY';
  const deadline = Date.now() + lockWaitSeconds() * 1000;
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(2 * delay, LONGEST_RETRY_MS)) {
    try {
      return await DuckDBInstance.create(file, options);
    } catch (error) {
      const held = LOCK_HELD.exec((error as Error).message);
      if (held === null) throw error;
      if (Date.now() + delay > deadline) throw new StoreBusyError(`${held[1]}, PID ${held[2]}`);
      await sleep(delay);
    }
  }
}
