import { FleetkitError } from '../errors';
import type { Compression, FileFormat } from '../formats/sniff';

/** A file of a run, fetched to a local path and sniffed. */
export interface FetchedFile {
  key: string;
  /** Where a person finds the file: `s3://bucket/prefix/key` or the file's path. */
  location: string;
  path: string;
  etag: string;
  size: number;
  lastModified: Date;
  format: FileFormat;
  /** Gzip files are read through (their format is what they hold); absent means none. */
  compression?: Compression;
  partitions: Record<string, string | null>;
}

/** A file of a run that could not be read; names the key and, where it can, the line. */
export class FileLoadError extends FleetkitError {
  readonly kind = 'unreadable-file';
  constructor(
    readonly fileKey: string,
    location: string,
    readonly line: number | null,
    problem: string,
  ) {
    super(line === null ? `${location}: ${problem}` : `${location} line ${line}: ${problem}`);
  }
}

