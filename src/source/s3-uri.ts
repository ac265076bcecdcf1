import { SourceError } from './s3-errors';

/** An S3 location: `prefix` has no leading or trailing `/` and is empty for the whole bucket. */
export interface S3Location {
  bucket: string;
  prefix: string;
}

const bucketNamePattern = /^[a-z0-9][a-z0-9._-]{1,253}[a-z0-9]$/i;

/** Parses `s3://bucket[/prefix][/]`. */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(uri);
  if (match === null) {
    throw new SourceError(`"${uri}" is not an S3 URI: expected s3://bucket/prefix.`);
  }
  const bucket = match[1] ?? '';
  if (bucket === '') {
    throw new SourceError(`"${uri}" has no bucket name: expected s3://bucket/prefix.`);
  }
  if (!bucketNamePattern.test(bucket)) {
    throw new SourceError(
      `"${bucket}" in "${uri}" is not a valid bucket name (3 to 255 letters, digits, dots, hyphens or underscores).`,
    );
  }
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix.includes('//')) {
    throw new SourceError(`"${uri}" has an empty folder name ("//") in its prefix.`);
  }
  return { bucket, prefix };
}
