import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../src/formats/sniff';

const dir = mkdtempSync(join(tmpdir(), 'fleetkit-sniff-'));
function sniff(name: string, content: string | Buffer) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return sniffFormat(path, name);
}

describe('sniffFormat', () => {
  it('tells JSON lines, JSON arrays, CSV and Parquet apart by content, whatever the name', async () => {
    expect(await sniff('part-0', '{"ID":1}\n{"ID":2}\n')).toEqual({ kind: 'format', format: 'json-lines' });
    expect(await sniff('part-1.csv', '  \n[{"ID":1}]')).toEqual({ kind: 'format', format: 'json-array' });
    expect(await sniff('part-2', '\ufeffID,hostName,computerStatus\n1,a,"{""x"":1}"\n')).toEqual({ kind: 'format', format: 'csv' });
    expect(await sniff('part-3.json', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(16), Buffer.from('PAR1')]))).toEqual({ kind: 'format', format: 'parquet' });
  });

  it('skips empty files, prose and binaries that are not exports', async () => {
    expect((await sniff('empty', '')).kind).toBe('skip');
    expect((await sniff('README', 'This folder holds the AppFlow exports.\n')).kind).toBe('skip');
    expect((await sniff('notes.md', '# notes, with a comma\n')).kind).toBe('skip');
    expect((await sniff('blob', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).kind).toBe('skip');
  });

  it('holds a file whose name says JSON to that, so a damaged export fails its run instead of vanishing', async () => {
    expect(await sniff('part-9.json', 'garbage that is not JSON')).toEqual({ kind: 'format', format: 'json-lines' });
    expect(await sniff('broken.parquet', Buffer.from([0, 1, 2, 3]))).toEqual({ kind: 'format', format: 'parquet' });
  });
});
