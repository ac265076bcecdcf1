import { statSync, type Stats } from 'node:fs';
import { createFolderSource } from './folder-source';
import { SourceError } from './s3-errors';
import type { Source } from './types';

export interface SourceOptions {
  /** `s3://bucket/prefix` or a folder. */
  source: string;
  cacheDir: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  concurrency?: number;
}

export async function openSource(options: SourceOptions): Promise<Source> {
  if (/^s3:\/\//i.test(options.source)) {
    // The AWS SDK takes about 160 ms to load: a command reading a folder never loads it.
    const { createS3Source } = await import('./s3-source.js');
    return createS3Source({
      uri: options.source,
      cacheDir: options.cacheDir,
      endpoint: options.endpoint,
      region: options.region,
      profile: options.profile,
      concurrency: options.concurrency,
    });
  }
  let found: Stats;
  try {
    found = statSync(options.source);
  } catch {
    throw new SourceError(`${options.source}: no such folder (give a folder of AppFlow exports or an s3:// URI)`);
  }
  if (!found.isDirectory()) throw new SourceError(`${options.source}: not a folder (give a folder of AppFlow exports or an s3:// URI)`);
  return createFolderSource(options.source);
}
