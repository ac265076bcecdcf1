import { mkdir, mkdtemp, rm, stat, symlink, utimes, writeFile, lutimes } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { createFolderSource } from '../src/source/folder-source';
import type { SourceObject } from '../src/source/types';
import { describeEntryError, isUnreadable, unreadableEntry } from '../src/source/unreadable-entry';

let root: string;
beforeEach(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'fk-folder-')), 'exports');
  await mkdir(root);
});
afterEach(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

async function listed(folder = root): Promise<SourceObject[]> {
  const objects: SourceObject[] = [];
  for await (const object of createFolderSource(folder).list()) objects.push(object);
  return objects;
}

async function put(relative: string, content: string, mtime?: Date): Promise<void> {
  const path = join(root, ...relative.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  if (mtime !== undefined) await utimes(path, mtime, mtime);
}

describe('the folder source', () => {
  it('lists every file under the root, folder by folder in name order, its mtime standing for LastModified', async () => {
    const when = new Date('2026-03-14T07:00:00.250Z');
    const names = ['flow/run/part-2', 'flow/run/part-10', 'flow/run/Part-1', 'flow/run/_SUCCESS', 'flow/a', 'B/x', 'flow-2/y'];
    for (const name of names) await put(name, name, when);
    const objects = await listed();
    // Each folder's names in code-unit order ("B" before "a", "flow" before "flow-2"), a folder's files before its next sibling.
    expect(objects.map((o) => o.key)).toEqual(['B/x', 'flow/a', 'flow/run/Part-1', 'flow/run/_SUCCESS', 'flow/run/part-10', 'flow/run/part-2', 'flow-2/y']);
    for (const object of objects) {
      expect(object, object.key).toEqual({ key: object.key, size: object.key.length, lastModified: when, etag: `${object.key.length}-${when.getTime()}` });
    }
  });

  it('hands back the path of a listed file, and refuses an unreadable entry naming it', async () => {
    await put('flow/run/part-0', 'x');
    const source = createFolderSource(root);
    expect(source.uri).toBe(root);
    expect(source.rootName).toBe('exports');
    const [object] = await listed();
    expect(await source.fetch(object!)).toBe(join(root, 'flow', 'run', 'part-0'));
    const entry = unreadableEntry('flow/run/gone', new Date(0), 'a symbolic link loop');
    await expect(source.fetch(entry)).rejects.toThrow(`${join(root, 'flow', 'run', 'gone')}: a symbolic link loop`);
  });

  it('lists a dangling link, a socket and a link loop as unreadable, with the link’s own mtime', async () => {
    await put('flow/run/part-0', 'x');
    const linkTime = new Date('2025-01-02T03:04:05Z');
    await symlink(join(root, 'missing'), join(root, 'flow', 'run', 'dangling'));
    await lutimes(join(root, 'flow', 'run', 'dangling'), linkTime, linkTime);
    await symlink(root, join(root, 'flow', 'up'));
    await symlink(join(root, 'flow'), join(root, 'flow', 'run', 'parent'));
    const server = await listening(join(root, 'flow', 'run', 'sock'));
    try {
      const objects = await listed();
      const byKey = Object.fromEntries(objects.map((o) => [o.key, o]));
      expect(Object.keys(byKey).sort()).toEqual(['flow/run/dangling', 'flow/run/parent', 'flow/run/part-0', 'flow/run/sock', 'flow/up']);
      expect(byKey['flow/run/dangling']).toEqual(unreadableEntry('flow/run/dangling', linkTime, 'a dangling symbolic link (its target is missing)'));
      expect(byKey['flow/run/sock']).toMatchObject({ unreadable: 'not a regular file' });
      expect(byKey['flow/up']).toMatchObject({ unreadable: `a symbolic link to ${root}, a folder above it (a loop)` });
      expect(byKey['flow/run/parent']).toMatchObject({ unreadable: `a symbolic link to ${join(root, 'flow')}, a folder above it (a loop)` });
      expect(objects.filter(isUnreadable).map((o) => o.key).sort()).toEqual(['flow/run/dangling', 'flow/run/parent', 'flow/run/sock', 'flow/up']);
    } finally {
      server.close();
    }
  });

  it('reads a folder reached twice once, by its real name, and skips the link with a reason', async () => {
    await put('ws-computers/run/part-0', 'x');
    // "a-alias" sorts before the real folder: links are still walked after real folders.
    await symlink(join(root, 'ws-computers'), join(root, 'a-alias'));
    const objects = await listed();
    expect(objects.map((o) => [o.key, o.skip])).toEqual([
      ['ws-computers/run/part-0', undefined],
      ['a-alias', 'a folder already read through another path (a symbolic link)'],
    ]);
    const linked = await stat(join(root, 'ws-computers'));
    expect(objects[1]).toMatchObject({ size: 0, etag: '', lastModified: linked.mtime });
  });

  it('follows a link to a folder outside the root, under the link’s name', async () => {
    const outside = join(root, '..', 'elsewhere');
    await mkdir(join(outside, 'run'), { recursive: true });
    await writeFile(join(outside, 'run', 'part-0'), 'abc');
    await symlink(outside, join(root, 'flow'));
    expect((await listed()).map((o) => [o.key, o.size])).toEqual([['flow/run/part-0', 3]]);
  });

  it('refuses a root it cannot list with one line naming it', async () => {
    const file = join(root, 'plain-file');
    await writeFile(file, 'x');
    const failure = listed(file);
    await expect(failure).rejects.toThrow(`${file}: cannot list the folder (ENOTDIR)`);
    await expect(failure).rejects.toMatchObject({ exitCode: ExitCode.failed });
  });
});

describe('describeEntryError', () => {
  it('puts the fs codes a folder entry gives into words, and any other code as it is', () => {
    const coded = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeEntryError(coded('ENOENT'))).toBe('a dangling symbolic link (its target is missing)');
    expect(describeEntryError(coded('ELOOP'))).toBe('a symbolic link loop');
    expect(describeEntryError(coded('EACCES'))).toBe('permission denied');
    expect(describeEntryError(coded('EPERM'))).toBe('permission denied');
    expect(describeEntryError(coded('ENAMETOOLONG'))).toBe('a path too long to open');
    expect(describeEntryError(coded('EIO'))).toBe('EIO');
    expect(describeEntryError(new Error('no code at all'))).toBe('no code at all');
  });

  it('makes an unreadable entry that says so in its ETag, so a fixed entry is new', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const entry = unreadableEntry('f/r/p', when, 'permission denied');
    expect(entry).toEqual({ key: 'f/r/p', size: 0, lastModified: when, etag: 'unreadable: permission denied', unreadable: 'permission denied' });
    expect(isUnreadable(entry)).toBe(true);
    expect(isUnreadable({ key: 'k', size: 1, lastModified: when, etag: 'e' })).toBe(false);
  });
});

function listening(path: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}
