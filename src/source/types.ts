/** One object (file) as a source lists it. `key` is relative to the source's root, `/`-separated. */
export interface SourceObject {
  key: string;
  size: number;
  lastModified: Date;
  /** S3 ETag, or for a folder a stand-in that changes when the file changes. */
  etag: string;
  /** Set when the source lists an entry only to say why it holds nothing to read (e.g. a second link to a folder). */
  skip?: string;
}

/** Where AppFlow exports are read from: an S3 prefix or a local folder laid out like the bucket. */
export interface Source {
  /** `s3://bucket/prefix` or an absolute folder path; used in messages and the catalog. */
  readonly uri: string;
  /** The last segment of the root (bucket prefix or folder), used when the root is itself a flow folder. */
  readonly rootName: string;
  /** Every object under the root, all pages. */
  list(): AsyncIterable<SourceObject>;
  /** Downloads made and saved by a cache, for sources that download (S3). */
  readonly stats?: Readonly<{ downloaded: number; cacheHits: number; bytesDownloaded: number }>;
  /** A local file path holding the object's bytes (downloaded to the cache when needed). Safe to call concurrently. */
  fetch(object: SourceObject): Promise<string>;
}
