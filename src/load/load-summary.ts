import type { LoadNotice } from './load-notice';
import type { SkippedObject } from './run-plan';

/** A run that failed or was refused, as a load reports it. */
export interface RunFailure {
  runKey: string;
  fileKey: string | null;
  message: string;
  /** `no-records` for a run with nothing to load; otherwise why it failed, e.g. `unreadable-file`, `run-failed`. */
  kind: string;
}

export interface LoadSummary {
  source: string;
  db: string;
  runsListed: number;
  runsLoaded: number;
  runsReloaded: number;
  runsUnchanged: number;
  runsFailed: number;
  failures: RunFailure[];
  rowsLoaded: number;
  filesLoaded: number;
  bytesRead: number;
  /** Files downloaded this load (S3); files found in the cache are not. */
  filesDownloaded: number;
  skipped: SkippedObject[];
  notices: LoadNotice[];
  /** Archive objects of streams (security events): loaded once each, by key and ETag. */
  streams: StreamCounts;
  seconds: number;
}

export interface StreamCounts {
  objectsLoaded: number;
  /** Listed with the ETag the store holds them at. */
  objectsUnchanged: number;
  objectsFailed: number;
  /** Items the objects loaded held, duplicates included. */
  delivered: number;
  /** Of them, items the store did not hold yet. */
  added: number;
  bytesRead: number;
  /** Events older than the store's retention (`fleetkit prune --keep-events-days`), removed by this load. */
  pruned: number;
  /** The retention in force, in days; null when events are kept until pruned. */
  retentionDays: number | null;
}
