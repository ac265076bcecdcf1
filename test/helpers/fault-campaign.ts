import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshots } from '../../src/load/load-snapshots';
import { openStore } from '../../src/store/store';
import { runCli } from './cli';
import { startFaultProxy, type FaultKind, type FaultProxyOptions } from './fault-proxy';
import type { S3TestServer } from './s3-server';

/** One computer as the store should hold it: the run it belongs to and the fields the export wrote. */
export interface StoredComputer {
  run: string;
  id: number;
  host: string;
}

/** A multi-run export in S3 and, independently, what loading it must store. */
export interface FaultExport {
  /** `s3://bucket/prefix` */
  uri: string;
  /** Every record written, sorted by run, then id. */
  expected: StoredComputer[];
  /** Execution id → the keys of that run's files (bucket-relative). */
  runFiles: Map<string, string[]>;
}

/** Partitioned layout, one day per run, several JSON-lines files per run. */
export async function writeFaultExport(
  server: S3TestServer,
  bucket: string,
  shape: { runs: number; filesPerRun: number; recordsPerFile: number },
): Promise<FaultExport> {
  await server.createBucket(bucket);
  const expected: StoredComputer[] = [];
  const runFiles = new Map<string, string[]>();
  const uploads: Promise<void>[] = [];
  for (let r = 0; r < shape.runs; r++) {
    // Fixed execution ids keep every request's path, and so the fault a seed gives it, the same from one test run to the next.
    const run = `00000000-0000-4000-8000-${String(r + 1).padStart(12, '0')}`;
    const day = String(r + 1).padStart(2, '0');
    const keys: string[] = [];
    for (let f = 0; f < shape.filesPerRun; f++) {
      const key = `appflow/ws-computers/schemaVersion_1/2026/01/${day}/${run}/part-${String(f).padStart(5, '0')}.json`;
      const lines: string[] = [];
      for (let i = 0; i < shape.recordsPerFile; i++) {
        const id = 1 + f * shape.recordsPerFile + i;
        const host = `host-${r}-${id}`;
        expected.push({ run, id, host });
        lines.push(JSON.stringify({ ID: id, hostName: host, agentVersion: '20.0.1-100', computerStatus: { agentStatus: 'active' } }));
      }
      keys.push(key);
      uploads.push(server.putObject(bucket, key, `${lines.join('\n')}\n`));
    }
    runFiles.set(run, keys);
  }
  await Promise.all(uploads);
  expected.sort(byRunThenId);
  return { uri: `s3://${bucket}/appflow`, expected, runFiles };
}

export async function storedComputers(db: string): Promise<StoredComputer[]> {
  const store = await openStore(db);
  try {
    const { rows } = await store.query(
      `SELECT snapshot_id AS run, (record->>'$.ID')::INTEGER AS id, record->>'$.hostName' AS host FROM fk_records ORDER BY run, id`,
    );
    return rows.map((row) => ({ run: String(row.run), id: Number(row.id), host: String(row.host) }));
  } finally {
    store.close();
  }
}

export interface TrialResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  stored: StoredComputer[];
  injected: Record<FaultKind, number>;
  requests: number;
  listRequests: number;
  listFaults: number;
}

export type TrialWay = 'cli' | 'library';

/** The client timeout trials run with; `stall` faults hold a reply well past it. */
export const trialTimeoutMs = 2000;
const stallMs = 6000;

/**
 * One first load of `exported` through a fresh fault proxy (fresh store, fresh cache), by the built CLI or by
 * `loadSnapshots` in this process. The library way needs the credential env set in `process.env` and
 * FLEETKIT_S3_TIMEOUT_MS = trialTimeoutMs; the CLI way is given both.
 */
export async function runFaultTrial(options: {
  server: S3TestServer;
  exported: FaultExport;
  work: string;
  way: TrialWay;
  faults: Omit<FaultProxyOptions, 'upstream'>;
}): Promise<TrialResult> {
  const proxy = await startFaultProxy({ stallMs, listPageSize: 5, ...options.faults, upstream: options.server.endpoint });
  const trial = join(options.work, `trial-${randomUUID()}`);
  const db = join(trial, 'fleet.duckdb');
  const cacheDir = join(trial, 'cache');
  try {
    let exitCode: number;
    let stdout = '';
    let stderr = '';
    if (options.way === 'cli') {
      const run = await runCli(['load', options.exported.uri, '--db', db, '--endpoint', proxy.endpoint, '--cache', cacheDir], {
        env: { ...options.server.env, ...unsetAwsSettings, FLEETKIT_S3_TIMEOUT_MS: String(trialTimeoutMs) },
      });
      exitCode = run.status ?? -1;
      stdout = run.stdout;
      stderr = run.stderr;
    } else {
      try {
        const summary = await loadSnapshots({ source: options.exported.uri, db, endpoint: proxy.endpoint, cacheDir });
        exitCode = summary.runsFailed > 0 ? 1 : 0;
        stdout = JSON.stringify({ runsLoaded: summary.runsLoaded, failures: summary.failures });
        stderr = summary.failures.map((failure) => `error: ${failure.message}\n`).join('');
      } catch (error) {
        exitCode = -1;
        stderr = error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
    }
    return {
      exitCode,
      stdout,
      stderr,
      stored: existsSync(db) ? await storedComputers(db) : [],
      injected: { ...proxy.injected },
      requests: proxy.requests,
      listRequests: proxy.listRequests,
      listFaults: proxy.listFaults,
    };
  } finally {
    await proxy.stop();
  }
}

/** Settings of the person running the tests that must not reach the loader under test. */
export const unsetAwsSettings = {
  AWS_PROFILE: undefined,
  AWS_DEFAULT_PROFILE: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_S3: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_MAX_ATTEMPTS: undefined,
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  HTTP_PROXY: undefined,
  http_proxy: undefined,
};

/** A Node stack frame (`    at fn (file:1:2)`) anywhere in the text. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}

function byRunThenId(a: StoredComputer, b: StoredComputer): number {
  return a.run < b.run ? -1 : a.run > b.run ? 1 : a.id - b.id;
}
