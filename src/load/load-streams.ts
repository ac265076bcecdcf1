import { listValue } from '@duckdb/node-api';
import { posix } from 'node:path';
import { debugEnabled, defaults, streamBatchBytes, type EngineSettings } from '../config';
import type { Compression } from '../formats/sniff';
import type { FetchedFile } from './fetched-file';
import { locateParseError } from '../formats/locate-error';
import { inBatches } from '../store/in-batches';
import { streamCatalog } from '../store/object-catalog';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';
import type { LoadSummary } from './load-summary';
import { outOfMemory } from './out-of-memory';
import type { LoadEvent } from './progress';

/** An archive object of a stream (security events), fetched to a local path: a file with no Hive partitions. */
export type StreamFile = Omit<FetchedFile, 'partitions' | 'compression'> & { stream: string; compression: Compression };

/** The archive objects the store holds, by key: an object listed with the same ETag is not read again. */
export async function loadedStreamObjects(store: Store, sourceUri: string): Promise<Map<string, string>> {
  const rows = (await store.query(sqlFile('store/loaded-stream-objects'), { source_uri: sourceUri })).rows;
  return new Map(rows.map((row) => [String(row.object_key), String(row.etag)]));
}

/**
 * Adds the items of stream archive objects, a batch of objects per transaction. A batch that fails is loaded
 * object by object, so that a bad object fails alone, named (with its line where it can be found), and is read again
 * by the next load; the others still load.
 */
export async function loadStreamFiles(
  store: Store,
  files: StreamFile[],
  sourceUri: string,
  engine: EngineSettings,
  summary: LoadSummary,
  report: (event: LoadEvent) => void,
): Promise<void> {
  const groups = new Map<string, StreamFile[]>();
  for (const file of [...files].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const group = `${file.stream}\0${file.compression}\0${readAs(file)}`;
    groups.set(group, [...(groups.get(group) ?? []), file]);
  }
  for (const group of groups.values()) {
    for (const batch of inBatches(group, textBytes, streamBatchBytes(engine), defaults.streamBatchObjects)) {
      const together =
        batch.length > 1 &&
        (await loadBatch(store, batch, sourceUri).then(
          () => true,
          (error: unknown) => {
            if (debugEnabled()) process.stderr.write(`fleetkit: a batch of ${batch.length} archive objects failed (${(error as Error).message.split('\n')[0]}); loading them one at a time\n`);
            return false;
          },
        ));
      if (together) {
        await counted(store, batch, sourceUri, summary, report);
        continue;
      }
      for (const file of batch) {
        try {
          await loadBatch(store, [file], sourceUri);
          await counted(store, [file], sourceUri, summary, report);
        } catch (error) {
          await failed(store, file, error, sourceUri, summary, report, engine.memoryLimit);
        }
      }
    }
  }
}

/** JSON events compress about tenfold: a batch is bounded by the text a transaction holds, not the bytes listed. */
const GZIP_EXPANSION = 10;

/** One value per line reads in parallel; values that span lines or run together are read as they come. */
function readAs(file: StreamFile): 'newline_delimited' | 'unstructured' {
  return file.format === 'json-lines' ? 'newline_delimited' : 'unstructured';
}

function textBytes(file: StreamFile): number {
  return file.compression === 'gzip' ? file.size * GZIP_EXPANSION : file.size;
}

async function loadBatch(store: Store, batch: StreamFile[], sourceUri: string): Promise<void> {
  const stream = streamCatalog().find((object) => object.name === batch[0].stream)!;
  await store.transaction(async () => {
    await store.run(stream.load, {
      paths: listValue(batch.map((file) => file.path)),
      compression: batch[0].compression === 'gzip' ? 'gzip' : 'uncompressed',
      format: readAs(batch[0]),
      gathered: batch.reduce((n, file) => n + textBytes(file), 0) / batch.length < defaults.streamGatherBelowBytes,
      files: JSON.stringify(
        batch.map((file) => ({ path: file.path, object_key: file.key, etag: file.etag, size: file.size, last_modified: file.lastModified.toISOString() })),
      ),
      source_uri: sourceUri,
    });
    await store.run(sqlFile('store/clear-load-errors'), { run_keys: listValue(batch.map((file) => file.key)), source_uri: sourceUri });
  });
}

async function counted(store: Store, batch: StreamFile[], sourceUri: string, summary: LoadSummary, report: (event: LoadEvent) => void): Promise<void> {
  const [counts] = (await store.query(sqlFile('store/stream-object-counts'), { object_keys: listValue(batch.map((file) => file.key)), source_uri: sourceUri })).rows;
  const delivered = Number(counts.delivered);
  const added = Number(counts.added);
  summary.streams.objectsLoaded += batch.length;
  summary.streams.delivered += delivered;
  summary.streams.added += added;
  summary.streams.bytesRead += batch.reduce((n, file) => n + file.size, 0);
  report({ type: 'stream-loaded', stream: batch[0].stream, objects: batch.length, delivered, added });
}

async function failed(
  store: Store,
  file: StreamFile,
  error: unknown,
  sourceUri: string,
  summary: LoadSummary,
  report: (event: LoadEvent) => void,
  memoryLimit: string,
): Promise<void> {
  // Only plain files can be searched for the line: DuckDB's own message names a byte, a record or nothing.
  const malformed = /Malformed JSON/i.test((error as Error).message);
  const location = malformed && file.compression === 'none' ? await locateParseError(file.path, 'json-values').catch(() => null) : null;
  const duckdbProblem = outOfMemory((error as Error).message, memoryLimit).split('\n')[0].replace(/^[\w ]+Error: /, '').replace(/file "[^"]*"/, 'the file');
  const message =
    location === null ? `${file.location}: ${duckdbProblem}` : `${file.location} line ${location.line}: ${location.problem}`;
  summary.streams.objectsFailed++;
  summary.failures.push({ runKey: file.key, fileKey: file.key, message, kind: 'unreadable-object' });
  await store.run(sqlFile('store/insert-load-error'), {
    run_key: file.key,
    flow_name: posix.dirname(file.key),
    file_key: file.key,
    message,
    source_uri: sourceUri,
    snapshot_at: file.lastModified.toISOString(),
    line: location?.line ?? null,
    kind: 'unreadable-object',
  });
  report({ type: 'run-failed', runKey: file.key, message });
}
