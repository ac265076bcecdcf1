import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/**
 * Writes the data a gzip file holds to `target`. Throws on a damaged or cut-short file: DuckDB's own gzip reader
 * returns the records before the damage without an error, which would commit part of a file.
 */
export async function gunzipFile(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
}
