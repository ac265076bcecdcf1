import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { limitConcurrency } from './limit-concurrency';
import { TransferError } from './transfer-error';

export interface DownloadStats {
  /** Files downloaded into the cache. */
  downloaded: number;
  /** Fetches answered by a file already in the cache. */
  cacheHits: number;
  /** Bytes written into the cache so far, counted as they arrive. */
  bytesDownloaded: number;
}

export interface CacheEntry {
  /** Everything that identifies one version of the content, e.g. bucket, key and ETag. */
  identity: readonly string[];
  /** The original file name; its extension is kept so readers that look at extensions still can. */
  name: string;
  size: number;
}

/** A folder of downloaded files, each stored once per identity, at most `concurrency` downloads at a time. */
export interface DownloadCache {
  readonly stats: DownloadStats;
  /**
   * The local path of the entry's bytes; `open` is called only when the cache does not hold them yet. A body that
   * breaks off or holds other than `entry.size` bytes fails with a TransferError and leaves nothing behind.
   */
  obtain(entry: CacheEntry, open: () => Promise<Readable>): Promise<string>;
}

export function createDownloadCache(options: { dir: string; concurrency: number }): DownloadCache {
  const { dir } = options;
  const limit = limitConcurrency(options.concurrency);
  const stats: DownloadStats = { downloaded: 0, cacheHits: 0, bytesDownloaded: 0 };
  const pending = new Map<string, Promise<string>>();
  let prepared: Promise<void> | undefined;

  const download = async (path: string, entry: CacheEntry, open: () => Promise<Readable>) => {
    prepared ??= prepareDir(dir);
    await prepared;
    // Named by its writer's process, so prepareDir can tell the leftovers of a process that is gone.
    const temporary = `${path}.${process.pid}-${randomUUID()}.part`;
    try {
      const written = await limit(async () => writeCounting(await open(), temporary, stats));
      if (written !== entry.size) {
        throw new TransferError(`received ${written} of ${entry.size} bytes`);
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    stats.downloaded += 1;
  };

  const obtain = async (path: string, entry: CacheEntry, open: () => Promise<Readable>) => {
    if (await holdsFile(path, entry.size)) stats.cacheHits += 1;
    else await download(path, entry, open);
    return path;
  };

  return {
    stats,
    obtain(entry, open) {
      const path = join(dir, cacheFileName(entry));
      const inFlight = pending.get(path);
      if (inFlight !== undefined) return inFlight;
      const result = obtain(path, entry, open).finally(() => pending.delete(path));
      pending.set(path, result);
      return result;
    },
  };
}

function cacheFileName(entry: CacheEntry): string {
  const digest = createHash('sha256').update(entry.identity.join('\0')).digest('hex');
  const extension = extname(entry.name);
  return /^\.[A-Za-z0-9]{1,12}$/.test(extension) ? digest + extension : digest;
}

async function holdsFile(path: string, size: number): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && info.size === size;
}

async function writeCounting(body: Readable, path: string, stats: DownloadStats): Promise<number> {
  let written = 0;
  // Opened before the body flows: a stream that opens its own file can create it after a failed body has been
  // cleaned up, leaving a partial file behind.
  let firstToFail: 'body' | 'file' | undefined;
  body.once('error', () => (firstToFail ??= 'body'));
  const handle = await open(path, 'wx').catch((error: unknown) => {
    body.destroy();
    throw error;
  });
  const file = handle.createWriteStream();
  file.once('error', () => (firstToFail ??= 'file'));
  try {
    await pipeline(
      body,
      async function* count(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          written += chunk.length;
          stats.bytesDownloaded += chunk.length;
          yield chunk;
        }
      },
      file,
    );
  } catch (error) {
    // The stream that failed first is the cause (pipeline then destroys the other with the same error). A failing
    // local file (a full disk) is not a transfer fault; a body that errs or closes early is.
    if (firstToFail === 'file') throw error;
    throw TransferError.fromBodyError(error);
  }
  return written;
}

/** Creates the folder and removes partial downloads left behind by processes that are gone. */
async function prepareDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    const writer = /\.(\d+)-[0-9a-f-]+\.part$/.exec(name);
    if (writer !== null && !processIsAlive(Number(writer[1]))) await rm(join(dir, name), { force: true });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
