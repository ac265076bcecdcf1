import { existsSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ExitCode, FleetkitError } from './errors';

// Every default and every environment variable fleetkit reads. A variable is read when its setting is asked for, not
// when this module loads, so a notebook or a library caller that changes `process.env` between two calls is heard.
// The variables the AWS SDK reads by itself (AWS_REGION, credentials, config files) stay with the SDK.

type Environment = NodeJS.ProcessEnv;

export const defaults = {
  /** The store file of every command. */
  db: 'fleet.duckdb',
  /** Files fetched at once while loading (S3 downloads in flight). */
  concurrency: 8,
  /** Attempts per S3 request and per download. */
  s3Attempts: 5,
  /** Longest wait to connect, for a reply to start and between two bytes of a body. */
  s3TimeoutMs: 30_000,
  /** Longest wait for another process to let go of the store. */
  lockWaitSeconds: 60,
  /**
   * DuckDB's memory for one open store: what it may hold before it spills to `<store>.tmp`. Measured (docs/store.md):
   * on 1,000 realistic computers × 52 runs, 512MB loads in 33 s at 0.99 GB peak resident memory (two writers),
   * 256MB in 53 s at 0.64 GB; runs of 10,000 computers load at 512MB and run out of 256MB.
   */
  memoryLimit: '512MB',
  /**
   * Runs written per transaction: each statement of a load works on every run of a batch at once. A batch holds at
   * most this many runs, and files of at most a sixteenth of the memory limit (a transaction keeps what it writes in
   * memory: 48 MB of 20 KB records ran out of 256MB); a larger run is a batch of its own.
   */
  batchRuns: 100,
  /**
   * Archive objects of a stream (security events) written per transaction, within the batch's bytes: a Firehose
   * archive holds an object an hour or more, most of them small, and each batch costs its statements' fixed time.
   * DuckDB reads a batch's files as JSON lines in parallel, with a buffer each: 1,000 small files ran out of 512MB
   * (and the batch was then loaded file by file, 33 s for the sample's 1,688 objects).
   */
  streamBatchObjects: 250,
  /**
   * Archive objects of less text than this on average are gathered into one table before their events are typed
   * (queries/objects/events/load.sql): about 40 KB is where gathering's cost (9 ms a MB) meets what it saves (0.35 ms
   * an object).
   */
  streamGatherBelowBytes: 32 * 1024,
  /**
   * The text of a stream batch against the memory limit: each batch costs a transaction and two statements' fixed
   * time, and a quarter (ten batches for a million events) loaded the 1,000-computer archive in 20 s where a sixteenth
   * took 23 s, with the same peak memory.
   */
  streamBatchMemoryShare: 1 / 4,
  batchMemoryShare: 1 / 16,
  /**
   * Memory one writer of a load needs: a load writes batches on as many connections at once as the limit holds
   * this (and the threads allow). Two writers ran out of 256MB on 1,000-computer runs; at 512MB they load them in
   * 33 s instead of 53 s.
   */
  writerMemoryBytes: 180e6,
  /**
   * Bytes of records (as their files hold them) that computer_changes compares in one statement
   * (queries/objects/computers/settle/): a parsed record takes several times its text, and 1,600 records of 20 KB
   * (32 MB) ran out of 512MB.
   */
  settleBytes: 10e6,
  /** DuckDB's worker threads, at most: more cost memory and gain little on the JSON a load reads. */
  threads: 4,
} as const;

/** How DuckDB may use the machine, for every store fleetkit opens. */
export interface EngineSettings {
  /** A DuckDB size: `512MB`, `2GB`, `1.5GiB`. */
  memoryLimit: string;
  threads: number;
}

const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

/** DuckDB's bytes for a size such as `256MB`, `1.5GiB` or `64.0 MiB`; NaN for anything DuckDB would not take. */
export function sizeBytes(size: string): number {
  const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim()) ?? [];
  return Number(amount) * (UNIT_BYTES[unit?.toLowerCase() ?? ''] ?? Number.NaN);
}

/**
 * FLEETKIT_MEMORY_LIMIT and FLEETKIT_THREADS over the defaults (threads never more than the machine's cores), and
 * `chosen` (the CLI's --memory-limit and --threads) over both.
 */
export function engineSettings(chosen: Partial<EngineSettings> = {}, env: Environment = process.env): EngineSettings {
  const memoryLimit = chosen.memoryLimit ?? nonEmpty(env['FLEETKIT_MEMORY_LIMIT']) ?? defaults.memoryLimit;
  if (!Number.isFinite(sizeBytes(memoryLimit))) {
    const from = chosen.memoryLimit !== undefined ? '--memory-limit' : 'FLEETKIT_MEMORY_LIMIT';
    throw new FleetkitError(`${from} must be a size such as 512MB or 2GB, got "${memoryLimit}"`, ExitCode.usage);
  }
  const threads = chosen.threads ?? wholeNumber(env, 'FLEETKIT_THREADS') ?? Math.min(defaults.threads, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new FleetkitError(`--threads must be a whole number of at least 1, got ${threads}`, ExitCode.usage);
  return { memoryLimit: memoryLimit.trim(), threads };
}

/** How a load with these engine settings writes: on how many connections at once, and batches of how many bytes. */
export function loadWriters(engine: EngineSettings): { writers: number; batchBytes: number } {
  const memory = sizeBytes(engine.memoryLimit);
  const writers = Math.max(1, Math.min(engine.threads, Math.floor(memory / defaults.writerMemoryBytes)));
  return { writers, batchBytes: (memory * defaults.batchMemoryShare) / writers };
}

/** The text one transaction of a stream load holds: it runs alone, after the snapshot writers. */
export function streamBatchBytes(engine: EngineSettings): number {
  return sizeBytes(engine.memoryLimit) * defaults.streamBatchMemoryShare;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** Where a load keeps downloaded S3 objects when no cache folder is given: beside the store. */
export function cacheDirFor(dbPath: string): string {
  return join(dirname(dbPath), '.fleetkit-cache');
}

/** FLEETKIT_LOCK_WAIT seconds, else the default. */
export function lockWaitSeconds(env: Environment = process.env): number {
  const text = env['FLEETKIT_LOCK_WAIT'];
  if (text === undefined || text.trim() === '') return defaults.lockWaitSeconds;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new FleetkitError(`FLEETKIT_LOCK_WAIT must be a number of seconds, got "${text}"`, ExitCode.usage);
  }
  return seconds;
}

/** AWS_MAX_ATTEMPTS, else the default; fleetkit also retries a broken download this many times. */
export function s3Attempts(env: Environment = process.env): number {
  return wholeNumber(env, 'AWS_MAX_ATTEMPTS') ?? defaults.s3Attempts;
}

/** FLEETKIT_S3_TIMEOUT_MS, else the default. */
export function s3TimeoutMs(env: Environment = process.env): number {
  return wholeNumber(env, 'FLEETKIT_S3_TIMEOUT_MS') ?? defaults.s3TimeoutMs;
}

/** AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL: an S3-compatible endpoint set for every tool. */
export function s3EndpointFromEnvironment(env: Environment = process.env): string | undefined {
  return env['AWS_ENDPOINT_URL_S3'] ?? env['AWS_ENDPOINT_URL'];
}

/** AWS_PROFILE, named in error messages about credentials. */
export function awsProfile(env: Environment = process.env): string | undefined {
  return env['AWS_PROFILE'];
}

/** AWS_CA_BUNDLE: a PEM file that replaces the trusted certificate authorities (the SDK does not read it). */
export function caBundlePath(env: Environment = process.env): string | undefined {
  const path = env['AWS_CA_BUNDLE'];
  return path === undefined || path === '' ? undefined : path;
}

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const noProxyVariables = ['NO_PROXY', 'no_proxy'];

/** The proxy variables, for Node's agents to follow (the SDK does not read them); undefined when no proxy is set. */
export function proxyEnvironment(env: Environment = process.env): Environment | undefined {
  if (!proxyVariables.some((name) => (env[name] ?? '') !== '')) return undefined;
  return Object.fromEntries([...proxyVariables, ...noProxyVariables].flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));
}

/** FLEETKIT_DEBUG set: a failure also prints its stack. */
export function debugEnabled(env: Environment = process.env): boolean {
  return (env['FLEETKIT_DEBUG'] ?? '') !== '';
}

/** The Windows folder (its Fonts folder holds the system's fonts). */
export function windowsFolder(env: Environment = process.env): string {
  return env['WINDIR'] ?? 'C:\\Windows';
}

const linuxChromiums = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const macChromiums = [
  ['Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'],
  ['Chromium.app', 'Contents', 'MacOS', 'Chromium'],
];
const windowsChromiums = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
];

/**
 * The Chromium that prints PDFs: FLEETKIT_CHROMIUM, else the first Chromium, Chrome (or, on Windows, Edge) found where
 * the platform installs it: on the PATH (Linux), in /Applications or ~/Applications (macOS), under Program Files or
 * the user's AppData (Windows).
 */
export function chromiumPath(env: Environment = process.env, platform: NodeJS.Platform = process.platform): string {
  const chosen = env['FLEETKIT_CHROMIUM'];
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen)) throw new FleetkitError(`FLEETKIT_CHROMIUM names ${chosen}, which does not exist`, ExitCode.usage);
    return chosen;
  }
  const { places, paths } = chromiumCandidates(env, platform);
  const found = paths.find((path) => existsSync(path));
  if (found === undefined) {
    throw new FleetkitError(`no Chromium or Chrome found ${places}: install one, or set FLEETKIT_CHROMIUM to its path`);
  }
  return found;
}

function chromiumCandidates(env: Environment, platform: NodeJS.Platform): { places: string; paths: string[] } {
  if (platform === 'darwin') {
    const folders = ['/Applications', join(env['HOME'] ?? homedir(), 'Applications')];
    return { places: `in ${folders.join(' or ')}`, paths: macChromiums.flatMap((app) => folders.map((folder) => join(folder, ...app))) };
  }
  if (platform === 'win32') {
    const folders = [env['ProgramFiles'], env['ProgramFiles(x86)'], env['LOCALAPPDATA']].filter((f): f is string => (f ?? '') !== '');
    return { places: `under ${folders.join(' or ')}`, paths: windowsChromiums.flatMap((exe) => folders.map((folder) => join(folder, ...exe))) };
  }
  const folders = (env['PATH'] ?? '').split(delimiter).filter((folder) => folder !== '');
  return { places: `on the PATH (${linuxChromiums.join(', ')})`, paths: linuxChromiums.flatMap((name) => folders.map((folder) => join(folder, name))) };
}

function wholeNumber(env: Environment, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new FleetkitError(`${name} must be a whole number of at least 1, got "${text}"`, ExitCode.usage);
  }
  return value;
}
