import type { SourceObject } from './types';

/**
 * A folder entry the folder source could not stat or open (a dangling link, a link loop, a folder it may not
 * read). It is listed, not dropped, so the run it sits in fails naming it and anything else skips with the reason.
 */
export interface UnreadableEntry extends SourceObject {
  unreadable: string;
}

export function isUnreadable(object: SourceObject): object is UnreadableEntry {
  return typeof (object as Partial<UnreadableEntry>).unreadable === 'string';
}

export function unreadableEntry(key: string, lastModified: Date, problem: string): UnreadableEntry {
  return { key, size: 0, lastModified, etag: `unreadable: ${problem}`, unreadable: problem };
}

/** Words for the fs error codes an odd folder entry gives, for messages and skip reasons. */
export function describeEntryError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a dangling symbolic link (its target is missing)';
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENAMETOOLONG') return 'a path too long to open';
  return code ?? (error as Error).message;
}
