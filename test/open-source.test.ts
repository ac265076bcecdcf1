import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../src/source/open-source';
import { tempDir } from './helpers/tree';

describe('opening a source', () => {
  const cacheDir = tempDir('open-source-cache');

  it('reads an s3:// URI (any casing of the scheme) as a bucket and prefix, without touching the network', async () => {
    for (const uri of ['s3://sec-archive/ws/computers', 'S3://sec-archive/ws/computers']) {
      const source = await openSource({ source: uri, cacheDir, region: 'us-east-1', endpoint: 'http://127.0.0.1:1' });
      expect(source.uri, uri).toBe('s3://sec-archive/ws/computers');
      expect(source.rootName).toBe('computers');
    }
  });

  it('reads a folder as a folder, even one whose path holds s3:// further on', async () => {
    const root = tempDir('open-source');
    mkdirSync(join(root, 's3:', 'exports'), { recursive: true });
    const given = `${root}/s3://exports`;
    const source = await openSource({ source: given, cacheDir });
    expect(source.rootName).toBe('exports');
    expect(source.uri.startsWith('s3://')).toBe(false);
  });

  it('refuses a path that does not exist, and a file, saying what it wants instead', async () => {
    const root = tempDir('open-source');
    const missing = join(root, 'no-such-folder');
    await expect(openSource({ source: missing, cacheDir })).rejects.toThrow(
      `${missing}: no such folder (give a folder of AppFlow exports or an s3:// URI)`,
    );
    const file = join(root, 'export.json');
    writeFileSync(file, '{}\n');
    await expect(openSource({ source: file, cacheDir })).rejects.toThrow(`${file}: not a folder (give a folder of AppFlow exports or an s3:// URI)`);
  });
});
