import { sniffFormat, type Sniffed } from '../formats/sniff';
import type { limitConcurrency } from '../source/limit-concurrency';
import type { Source } from '../source/types';
import { isUnreadable } from '../source/unreadable-entry';
import type { FetchedFile } from './fetched-file';
import type { LoadEvent } from './progress';
import type { RunPlan, SkippedObject } from './run-plan';

/** A run's files, fetched and sniffed, or why the run cannot be read. */
export interface FetchedRun {
  files: FetchedFile[];
  skipped: SkippedObject[];
  /** Files of the run that may hold records but cannot be read: the run fails. */
  unreadable: { key: string; message: string }[];
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
        const sniffed = await sniffFormat(path, file.key.fileName);
        return { file, path, sniffed };
      }),
    ),
  );
  const fetched: FetchedRun = { files: [], skipped: [], unreadable: [] };
  for (const { file, path, sniffed } of results) {
    const location = source.uri.startsWith('s3://') ? `${source.uri}/${file.object.key}` : path;
    if (sniffed.kind === 'skip') {
      fetched.skipped.push({ key: file.object.key, reason: sniffed.reason });
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
