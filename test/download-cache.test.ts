import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDownloadCache } from '../src/source/download-cache';
import { TransferError } from '../src/source/transfer-error';

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'fk-cache-')), 'cache');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A body that counts how often it was asked for. */
function bodies(content: string) {
  const counter = { opened: 0, open: async () => (counter.opened++, Readable.from([Buffer.from(content)])) };
  return counter;
}

/** A body that sends `first` and then fails with `code`. */
function breakingBody(first: string, code: string): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) return;
      sent = true;
      this.push(Buffer.from(first));
      setImmediate(() => this.destroy(Object.assign(new Error('socket hang up'), { code })));
    },
  });
}

describe('the download cache', () => {
  it('stores each identity once, under its digest and a plain extension, and counts what it wrote', async () => {
    const cache = createDownloadCache({ dir, concurrency: 2 });
    const body = bodies('hello');
    const entry = { identity: ['bucket', 'key.parquet', '"etag"'], name: 'key.parquet', size: 5 };
    const path = await cache.obtain(entry, body.open);
    expect(path).toBe(join(dir, sha256('bucket\0key.parquet\0"etag"') + '.parquet'));
    expect(await readFile(path, 'utf8')).toBe('hello');
    expect(await cache.obtain(entry, body.open)).toBe(path);
    expect(body.opened).toBe(1);
    expect(cache.stats).toEqual({ downloaded: 1, cacheHits: 1, bytesDownloaded: 5 });
  });

  it('keeps only a short alphanumeric extension', async () => {
    const cache = createDownloadCache({ dir, concurrency: 1 });
    const names = { 'part-0': '', 'a.json': '.json', 'a.gz': '.gz', 'a.abcdefghijkl': '.abcdefghijkl', 'a.abcdefghijklm': '', 'a.tar-gz': '', 'a.': '' };
    for (const [name, extension] of Object.entries(names)) {
      const path = await cache.obtain({ identity: [name], name, size: 1 }, bodies('x').open);
      expect(path, name).toBe(join(dir, sha256(name) + extension));
    }
  });

  it('tells apart identities whose parts join to the same text', async () => {
    const cache = createDownloadCache({ dir, concurrency: 1 });
    const one = await cache.obtain({ identity: ['ab', 'c'], name: 'p', size: 1 }, bodies('1').open);
    const two = await cache.obtain({ identity: ['a', 'bc'], name: 'p', size: 1 }, bodies('2').open);
    expect(one).not.toBe(two);
    expect([await readFile(one, 'utf8'), await readFile(two, 'utf8')]).toEqual(['1', '2']);
  });

  it('downloads again over a cached file of another size, or a folder in its place', async () => {
    const cache = createDownloadCache({ dir, concurrency: 1 });
    const entry = { identity: ['k'], name: 'k', size: 3 };
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, sha256('k')), 'stale-and-long');
    const path = await cache.obtain(entry, bodies('new').open);
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(cache.stats).toMatchObject({ downloaded: 1, cacheHits: 0 });

    const folderEntry = { identity: ['f'], name: 'f', size: 0 };
    await mkdir(join(dir, sha256('f')));
    await expect(cache.obtain(folderEntry, bodies('').open)).rejects.toThrow();
    expect(cache.stats.cacheHits).toBe(0);
  });

  it('asks once for an entry obtained twice at the same time', async () => {
    const cache = createDownloadCache({ dir, concurrency: 2 });
    const body = bodies('abc');
    const entry = { identity: ['same'], name: 's', size: 3 };
    const [a, b] = await Promise.all([cache.obtain(entry, body.open), cache.obtain(entry, body.open)]);
    expect(a).toBe(b);
    expect(body.opened).toBe(1);
  });

  it('fails a body of the wrong length as a transfer fault and leaves no file behind', async () => {
    const cache = createDownloadCache({ dir, concurrency: 1 });
    const failure = cache.obtain({ identity: ['short'], name: 's', size: 5 }, bodies('abc').open);
    await expect(failure).rejects.toEqual(new TransferError('received 3 of 5 bytes'));
    await expect(failure).rejects.toBeInstanceOf(TransferError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails a body that breaks off as a transfer fault named by its code, and leaves no file behind', async () => {
    const cache = createDownloadCache({ dir, concurrency: 1 });
    const failure = cache.obtain({ identity: ['broken'], name: 'b', size: 100 }, async () => breakingBody('abc', 'ECONNRESET'));
    await expect(failure).rejects.toBeInstanceOf(TransferError);
    await expect(failure).rejects.toMatchObject({ reason: 'ECONNRESET' });
    expect(await readdir(dir)).toEqual([]);
    expect(cache.stats.downloaded).toBe(0);
  });

  it('passes on a local file that cannot be created as it is, not as a transfer fault, and stops the body', async () => {
    const cache = createDownloadCache({ dir, concurrency: 1 });
    await cache.obtain({ identity: ['first'], name: 'f', size: 1 }, bodies('1').open);
    await rm(dir, { recursive: true });
    const body = Readable.from([Buffer.from('abc')]);
    const failure = cache.obtain({ identity: ['second'], name: 's', size: 3 }, async () => body);
    await expect(failure).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(failure).rejects.not.toBeInstanceOf(TransferError);
    expect(body.destroyed).toBe(true);
  });

  it('removes partial downloads of processes that are gone, and only those', async () => {
    await mkdir(dir, { recursive: true });
    const gone = 'abc.99999999-0f3c2b9e-1a2b.part';
    const alive = [`abc.${process.pid}-0f3c2b9e.part`, 'abc.1-0f3c2b9e.part'];
    const notOurs = ['notes.part', 'keep.99999999-ab.part.x.part', 'abc.99999999-0f3c2b9e.partial', 'abc.99999999-XYZ.part'];
    for (const name of [gone, ...alive, ...notOurs]) await writeFile(join(dir, name), 'x');
    const cache = createDownloadCache({ dir, concurrency: 1 });
    const path = await cache.obtain({ identity: ['n'], name: 'n', size: 1 }, bodies('n').open);
    expect((await readdir(dir)).sort()).toEqual([...alive, ...notOurs, sha256('n')].sort());
    expect((await stat(path)).size).toBe(1);
  });
});
