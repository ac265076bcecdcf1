import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { limitConcurrency } from '../../src/source/limit-concurrency';

/** Static test credentials; fauxqs accepts any. */
export const testCredentials = { accessKeyId: 'fleetkit-test', secretAccessKey: 'fleetkit-test-secret' };

export interface S3TestServer {
  /** `http://127.0.0.1:<port>`, for `createS3Source({ endpoint })`, `--endpoint` and `aws --endpoint-url`. */
  endpoint: string;
  /** A client for arranging test data (path style, static credentials). */
  client: S3Client;
  /**
   * Environment for code that uses the default credential chain (createS3Source, the CLI, `aws`):
   * static keys, region us-east-1, and no instance-metadata lookups. Merge it into a child's env or stub it in-process.
   */
  env: Record<string, string>;
  createBucket(bucket: string): Promise<void>;
  putObject(bucket: string, key: string, body: string | Uint8Array): Promise<void>;
  /** Uploads every file under `dir` as `<prefix>/<relative path>` (`/`-separated); returns the keys. */
  uploadTree(dir: string, bucket: string, prefix?: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts fauxqs (an in-memory S3 protocol server) in this process, listening on 127.0.0.1 at a free port. */
export async function startS3Server(): Promise<S3TestServer> {
  const { buildApp } = await import('fauxqs');
  const app = buildApp({ logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const endpoint = address.replace('://localhost', '://127.0.0.1');
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials: testCredentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  const putObject = async (bucket: string, key: string, body: string | Uint8Array) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
  };

  return {
    endpoint,
    client,
    env: {
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async createBucket(bucket) {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    },
    putObject,
    async uploadTree(dir, bucket, prefix = '') {
      const upload = limitConcurrency(16);
      const files = await listFiles(dir);
      const keys = files.map((file) => [prefix, relative(dir, file).split(sep).join('/')].filter(Boolean).join('/'));
      await Promise.all(files.map((file, i) => upload(async () => putObject(bucket, keys[i]!, await readFile(file)))));
      return keys;
    },
    async stop() {
      client.destroy();
      await app.close();
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** An S3 request as the proxy sees it (path-style URLs). */
export interface ProxiedRequest {
  method: string;
  bucket: string;
  /** Empty for bucket-level requests such as ListObjectsV2. */
  key: string;
  query: URLSearchParams;
}

export interface S3ErrorReply {
  status: number;
  code: string;
  message: string;
}

export interface S3Proxy {
  endpoint: string;
  /** Requests received (held, delayed or forwarded upstream) and still unanswered. */
  readonly inFlight: number;
  /** The most requests that were in flight at the same moment. */
  readonly peakInFlight: number;
  /** Every request received, in order. */
  readonly requests: readonly ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of an S3 endpoint. `reject` may answer a request itself with an S3 XML
 * error (as AWS does for AccessDenied); `hold` keeps a request from going upstream until a promise settles, so
 * concurrency becomes visible.
 */
export async function startS3Proxy(
  upstream: string,
  options: {
    reject?: (request: ProxiedRequest) => S3ErrorReply | undefined;
    /** Send the upstream headers and half the body, then drop the connection (a network failure mid-download). */
    cutOffBody?: (request: ProxiedRequest) => boolean;
    hold?: (request: ProxiedRequest) => Promise<void> | undefined;
  } = {},
): Promise<S3Proxy> {
  const target = new URL(upstream);
  const requests: ProxiedRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, cutOff: boolean) => {
    const done = () => {
      inFlight -= 1;
    };
    // A request sent through HTTP_PROXY names the whole URL; the server upstream wants the path.
    const { pathname, search } = new URL(incoming.url ?? '/', 'http://proxy');
    const upstreamRequest = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: pathname + search, headers: incoming.headers },
      (upstreamResponse) => {
        outgoing.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        if (cutOff) {
          void cutOffHalfway(upstreamResponse, outgoing).finally(done);
          return;
        }
        upstreamResponse.pipe(outgoing);
        upstreamResponse.on('end', done);
      },
    );
    upstreamRequest.on('error', (error) => {
      done();
      outgoing.destroy(error);
    });
    incoming.pipe(upstreamRequest);
  };

  const server: Server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://proxy');
    const [bucket = '', ...keyParts] = url.pathname.slice(1).split('/');
    const proxied: ProxiedRequest = {
      method: incoming.method ?? 'GET',
      bucket: decodeURIComponent(bucket),
      key: decodeURIComponent(keyParts.join('/')),
      query: url.searchParams,
    };
    requests.push(proxied);
    const rejection = options.reject?.(proxied);
    if (rejection !== undefined) {
      incoming.resume();
      sendS3Error(outgoing, rejection, url.pathname);
      return;
    }
    const cutOff = options.cutOffBody?.(proxied) ?? false;
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const held = options.hold?.(proxied) ?? Promise.resolve();
    void held.then(() => forward(incoming, outgoing, cutOff));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function cutOffHalfway(upstreamResponse: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of upstreamResponse) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => outgoing.destroy());
}

/** Answers with an S3 XML error, as AWS does. */
export function sendS3Error(response: ServerResponse, reply: S3ErrorReply, resource: string): void {
  const requestId = randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase();
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${reply.code}</Code><Message>${reply.message}</Message>` +
    `<Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId><HostId>fleetkit-test</HostId></Error>`;
  response.writeHead(reply.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
  });
  response.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
