import { namedAsNoExport, sniffFormat, type Sniffed } from '../formats/sniff';
import type { limitConcurrency } from '../source/limit-concurrency';
import type { Source, SourceObject } from '../source/types';
import { isUnreadable } from '../source/unreadable-entry';
import { streamCatalog } from '../store/object-catalog';
import type { FetchedFile } from './fetched-file';
import type { StreamFile } from './load-streams';
import type { LoadEvent } from './progress';
import type { RunPlan, SkippedObject } from './run-plan';

/** A run's files, fetched and sniffed, or why the run cannot be read. */
export interface FetchedRun {
  files: FetchedFile[];
  skipped: SkippedObject[];
  /** Files of the run that may hold records but cannot be read: the run fails. */
  unreadable: { key: string; message: string }[];
  /** Archive objects of a stream (security events) found among the run's files: they are no part of the run. */
  streams: StreamFile[];
}

/** Fetches every file of a run (at most `limit` at once) and sniffs its format. */
export async function fetchRunFiles(
  source: Source,
  run: RunPlan,
  limit: ReturnType<typeof limitConcurrency>,
  report: (event: LoadEvent) => void,
): Promise<FetchedRun> {
  const results = await Promise.all(
    run.files.map((file) =>
      limit(async () => {
        // An empty file holds nothing to fetch; it stays in the run's count of skipped files.
        if (file.object.size === 0 && !isUnreadable(file.object)) {
          return { file, path: '', sniffed: { kind: 'skip', reason: 'empty file' } as Sniffed };
        }
        const path = await source.fetch(file.object);
        report({ type: 'file-fetched', bytes: file.object.size });
        const sniffed = await sniffFormat(path, file.key.fileName, streamCatalog());
        return { file, path, sniffed };
      }),
    ),
  );
  const fetched: FetchedRun = { files: [], skipped: [], unreadable: [], streams: [] };
  for (const { file, path, sniffed } of results) {
    const location = source.uri.startsWith('s3://') ? `${source.uri}/${file.object.key}` : path;
    if (sniffed.kind === 'skip') {
      fetched.skipped.push({ key: file.object.key, reason: sniffed.reason });
      continue;
    }
    if (sniffed.kind === 'stream') {
      fetched.streams.push(streamFile(file.object, location, path, sniffed));
      continue;
    }
    if (sniffed.kind === 'unreadable') {
      fetched.unreadable.push({ key: file.object.key, message: `${location}: ${sniffed.reason}` });
      continue;
    }
    fetched.files.push({
      key: file.object.key,
      location,
      path,
      etag: file.object.etag,
      size: file.object.size,
      lastModified: file.object.lastModified,
      format: sniffed.format,
      compression: sniffed.compression,
      partitions: file.key.partitions,
    });
  }
  return fetched;
}

/**
 * Fetches and sniffs objects that sit in no run folder (a Lambda archive keyed by host name): the archive objects
 * of a stream among them, and the others, which stay skipped with the reason the planner gave.
 */
export async function fetchLooseObjects(
  source: Source,
  objects: { object: SourceObject; reason: string }[],
  limit: ReturnType<typeof limitConcurrency>,
): Promise<{ streams: StreamFile[]; skipped: SkippedObject[] }> {
  const found = await Promise.all(
    objects.map(({ object, reason }) =>
      limit(async () => {
        const fileName = object.key.split('/').pop()!;
        // A README.md is not downloaded to be sniffed; a `.txt` may be a Lambda archive's event.
        if (object.size === 0 || namedAsNoExport(fileName, streamCatalog())) return { skipped: { key: object.key, reason } };
        const path = await source.fetch(object);
        const sniffed = await sniffFormat(path, fileName, streamCatalog());
        if (sniffed.kind !== 'stream') return { skipped: { key: object.key, reason } };
        const location = source.uri.startsWith('s3://') ? `${source.uri}/${object.key}` : path;
        return { stream: streamFile(object, location, path, sniffed) };
      }),
    ),
  );
  return {
    streams: found.flatMap((f) => (f.stream === undefined ? [] : [f.stream])),
    skipped: found.flatMap((f) => (f.skipped === undefined ? [] : [f.skipped])),
  };
}

function streamFile(object: SourceObject, location: string, path: string, sniffed: Extract<Sniffed, { kind: 'stream' }>): StreamFile {
  const { stream, format, compression } = sniffed;
  return { stream, key: object.key, location, path, etag: object.etag, size: object.size, lastModified: object.lastModified, format, compression };
}
