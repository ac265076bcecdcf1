import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `fleetkit-${prefix}-`));
}

/** Writes a file under `root` at a key, with its mtime standing for S3's LastModified. */
export function writeKey(root: string, key: string, content: string | Buffer, lastModified?: Date): string {
  const path = join(root, ...key.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  if (lastModified) utimesSync(path, lastModified, lastModified);
  return path;
}

export const jsonLines = (records: object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
