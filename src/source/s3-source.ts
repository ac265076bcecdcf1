import { GetObjectCommand, ListObjectsV2Command, type _Object } from '@aws-sdk/client-s3';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { defaults } from '../config';
import { createDownloadCache, type DownloadStats } from './download-cache';
import { retryTransfer } from './retry-transfer';
import { TransferError } from './transfer-error';
import { createS3Client, type S3ClientOptions } from './s3-client';
import { describeS3Error, SourceError } from './s3-errors';
import { parseS3Uri } from './s3-uri';
import type { Source, SourceObject } from './types';

export interface S3SourceOptions extends S3ClientOptions {
  /** `s3://bucket/prefix` */
  uri: string;
  /** Where downloaded objects are kept between loads. */
  cacheDir: string;
  /** Downloads in flight at once (default `defaults.concurrency`). */
  concurrency?: number;
}

/** An S3 source that also reports how many downloads its cache saved. */
export interface S3Source extends Source {
  readonly stats: Readonly<DownloadStats>;
}

export function createS3Source(options: S3SourceOptions): S3Source {
  const { bucket, prefix } = parseS3Uri(options.uri);
  const { client, errorContext, retry } = createS3Client(options);
  const cache = createDownloadCache({ dir: options.cacheDir, concurrency: options.concurrency ?? defaults.concurrency });
  const listPrefix = prefix === '' ? '' : `${prefix}/`;

  async function* list(): AsyncGenerator<SourceObject> {
    let token: string | undefined;
    do {
      let page;
      try {
        page = await retryTransfer(() => listPage(token), { attempts: retry.attempts });
      } catch (error) {
        throw describeS3Error(error, { action: 'list', bucket, prefix: listPrefix }, errorContext);
      }
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined || item.Key === listPrefix) continue;
        yield toSourceObject(item, item.Key.slice(listPrefix.length));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  /** One page of the listing. A reply cut short reaches the SDK's XML parser, which fails without a retry. */
  async function listPage(token: string | undefined) {
    try {
      return await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: listPrefix, ContinuationToken: token }));
    } catch (error) {
      if (/Deserialization error|XML parse error/i.test(String((error as Error)?.message))) {
        throw new TransferError('a listing reply that broke off', { cause: error });
      }
      throw error;
    }
  }

  async function fetch(object: SourceObject): Promise<string> {
    const key = listPrefix + object.key;
    const entry = { identity: [bucket, key, object.etag], name: posix.basename(key), size: object.size };
    const open = async () => {
      const response = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: `"${object.etag}"` }),
      );
      return response.Body as Readable;
    };
    try {
      // The SDK retries a request until its reply starts; a body that then breaks off is retried here.
      return await retryTransfer(() => cache.obtain(entry, open), { attempts: retry.attempts });
    } catch (error) {
      throw describeS3Error(error, { action: 'get', bucket, key }, errorContext);
    }
  }

  function toSourceObject(item: _Object, key: string): SourceObject {
    if (item.ETag === undefined) {
      throw new SourceError(`Listing s3://${bucket}/${listPrefix} returned no ETag for "${item.Key}".`);
    }
    return {
      key,
      size: item.Size ?? 0,
      lastModified: item.LastModified ?? new Date(0),
      etag: item.ETag.replace(/^"|"$/g, ''),
    };
  }

  return {
    uri: `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`,
    rootName: prefix === '' ? bucket : posix.basename(prefix),
    stats: cache.stats,
    list,
    fetch,
  };
}
