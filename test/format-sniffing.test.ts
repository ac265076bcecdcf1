import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../src/formats/sniff';

const dir = mkdtempSync(join(tmpdir(), 'fleetkit-sniff-'));
function sniff(name: string, content: string | Buffer) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return sniffFormat(path, name);
}
const plain = (format: string) => ({ kind: 'format', format, compression: 'none' });

describe('sniffFormat', () => {
  it('tells JSON lines, JSON arrays, CSV and Parquet apart by content, whatever the name', async () => {
    expect(await sniff('part-0', '{"ID":1}\n{"ID":2}\n')).toEqual(plain('json-lines'));
    expect(await sniff('part-1.csv', '  \n[{"ID":1}]')).toEqual(plain('json-array'));
    expect(await sniff('part-2', '\ufeffID,hostName,computerStatus\n1,a,"{""x"":1}"\n')).toEqual(plain('csv'));
    expect(await sniff('part-3.json', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(16), Buffer.from('PAR1')]))).toEqual(plain('parquet'));
  });

  it('tells JSON that spans lines or follows a byte-order mark, and lines that each hold an array of records', async () => {
    expect(await sniff('pretty.json', '{\n  "ID": 1\n}\n')).toEqual(plain('json-values'));
    expect(await sniff('bom.json', '\ufeff{"ID":1}\n{"ID":2}\n')).toEqual(plain('json-values'));
    expect(await sniff('pages', '[{"ID":1}]\n[{"ID":2}]\n')).toEqual(plain('json-lines'));
    expect(await sniff('array', '[\n  {"ID":1}\n]\n')).toEqual(plain('json-array'));
  });

  it('reads through gzip, and holds a damaged gzip or a gzipped Parquet file unreadable', async () => {
    expect(await sniff('part-0.gz', gzipSync('{"ID":1}\n'))).toEqual({ kind: 'format', format: 'json-lines', compression: 'gzip' });
    expect(await sniff('part-1', gzipSync('ID,name\n1,a\n'))).toEqual({ kind: 'format', format: 'csv', compression: 'gzip' });
    expect((await sniff('part-2.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]))).kind).toBe('unreadable');
    expect((await sniff('part-3.gz', '{"ID":1}\n')).kind).toBe('unreadable');
    expect((await sniff('part-4', gzipSync(Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(8)])))).kind).toBe('unreadable');
  });

  it('skips empty files and names no export has; holds other prose and binaries unreadable, so their run fails', async () => {
    expect((await sniff('empty', '')).kind).toBe('skip');
    expect((await sniff('notes.md', '# notes, with a comma\n')).kind).toBe('skip');
    expect((await sniff('_SUCCESS', '{"ID":1}\n')).kind).toBe('skip');
    // Extensionless files inside a run may be its records (AppFlow's Parquet has no extension): never skipped.
    expect((await sniff('README', 'This folder holds the AppFlow exports.\n')).kind).toBe('unreadable');
    expect((await sniff('blob', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).kind).toBe('unreadable');
    expect((await sniff('part-5.json', '{"ID":1}\n{"ID":2,\u0000}\n'))).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('line 2') });
  });

  it('holds a file whose name says JSON to that, so a damaged export fails its run instead of vanishing', async () => {
    expect(await sniff('part-9.json', 'garbage that is not JSON')).toEqual(plain('json-lines'));
    expect(await sniff('broken.parquet', Buffer.from([0, 1, 2, 3]))).toEqual(plain('parquet'));
  });
});
