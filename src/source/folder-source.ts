import { opendir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Source, SourceObject } from './types';

/** A local folder laid out like the bucket (e.g. made by `aws s3 sync`); file mtime stands for LastModified. */
export function createFolderSource(folder: string): Source {
  const root = resolve(folder);
  return {
    uri: root,
    rootName: basename(root),
    list: () => walk(root, ''),
    fetch: async (object) => join(root, ...object.key.split('/')),
  };
}

async function* walk(root: string, relative: string): AsyncGenerator<SourceObject> {
  const dir = await opendir(relative === '' ? root : join(root, relative));
  const names: { name: string; isDir: boolean }[] = [];
  for await (const entry of dir) names.push({ name: entry.name, isDir: entry.isDirectory() });
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, isDir } of names) {
    const key = relative === '' ? name : `${relative}/${name}`;
    if (isDir) {
      yield* walk(root, key);
      continue;
    }
    const info = await stat(join(root, ...key.split('/')));
    if (!info.isFile()) continue;
    yield { key, size: info.size, lastModified: info.mtime, etag: `${info.size}-${Math.trunc(info.mtimeMs)}` };
  }
}

