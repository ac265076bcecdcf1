import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { limitConcurrency } from '../src/source/limit-concurrency';
import { createS3Source, type S3SourceOptions } from '../src/source/s3-source';
import { SourceError } from '../src/source/s3-errors';
import { parseS3Uri } from '../src/source/s3-uri';
import type { SourceObject } from '../src/source/types';
import { runCli } from './helpers/cli';
import { startFaultProxy, type FaultKind, type FaultedRequest } from './helpers/fault-proxy';
import { selfSignedCertificate, startConnectProxy, startTlsFront } from './helpers/network-fronts';
import { redactEndpoint } from '../src/source/redact-url';
import { ExitCode } from '../src/errors';
import { startS3Proxy, startS3Server, type S3TestServer } from './helpers/s3-server';

let server: S3TestServer;
let work: string;
let emptyAwsConfig: string;

beforeAll(async () => {
  server = await startS3Server();
  work = await mkdtemp(join(tmpdir(), 'fleetkit-s3-source-'));
  emptyAwsConfig = join(work, 'empty-aws-config');
  await writeFile(emptyAwsConfig, '');
  for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value);
  for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3', 'AWS_SESSION_TOKEN']) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('AWS_CONFIG_FILE', emptyAwsConfig);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', emptyAwsConfig);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

let cacheCount = 0;
function freshCacheDir(): string {
  cacheCount += 1;
  return join(work, `cache-${cacheCount}`);
}

function source(uri: string, options: Partial<S3SourceOptions> = {}) {
  return createS3Source({ uri, cacheDir: freshCacheDir(), endpoint: server.endpoint, ...options });
}

async function listAll(iterable: AsyncIterable<SourceObject>): Promise<SourceObject[]> {
  const objects: SourceObject[] = [];
  for await (const object of iterable) objects.push(object);
  return objects;
}

async function failureOf(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SourceError);
  const message = (error as SourceError).message;
  expect(message).not.toContain('\n');
  return error as SourceError;
}

/** Runs `body` with some environment variables changed (undefined removes one), then puts them back. */
async function withEnv<T>(changes: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(changes).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(changes);
  try {
    return await body();
  } finally {
    apply(saved);
  }
}

const md5 = (body: string | Buffer) => createHash('md5').update(body).digest('hex');

describe('parseS3Uri', () => {
  test('splits bucket and prefix, trimming slashes', () => {
    expect(parseS3Uri('s3://bucket/prefix/')).toEqual({ bucket: 'bucket', prefix: 'prefix' });
    expect(parseS3Uri('s3://my.bucket-1/a/b/c')).toEqual({ bucket: 'my.bucket-1', prefix: 'a/b/c' });
    expect(parseS3Uri('s3://bucket')).toEqual({ bucket: 'bucket', prefix: '' });
    expect(parseS3Uri('s3://bucket/')).toEqual({ bucket: 'bucket', prefix: '' });
    expect(parseS3Uri('s3://bucket/エクスポート/flow 1')).toEqual({ bucket: 'bucket', prefix: 'エクスポート/flow 1' });
    expect(parseS3Uri('S3://bucket///a/b//')).toEqual({ bucket: 'bucket', prefix: 'a/b' });
  });

  test.each([
    ['https://bucket/prefix', /not an S3 URI/],
    ['bucket/prefix', /not an S3 URI/],
    ['s3://', /no bucket name/],
    ['s3:///prefix', /no bucket name/],
    ['s3://b/prefix', /not a valid bucket name/],
    ['s3://bad bucket/prefix', /not a valid bucket name/],
    ['s3://bucket/a//b', /empty folder name/],
    ['xs3://bucket/prefix', /not an S3 URI/],
    ['s3://bucket/line\nbreak', /not an S3 URI/],
  ])('rejects %s', (uri, message) => {
    expect(() => parseS3Uri(uri)).toThrow(SourceError);
    expect(() => parseS3Uri(uri)).toThrow(message);
  });
});

describe('limitConcurrency', () => {
  test('runs at most the limit at once, starts waiting tasks in order, and frees the slot of a failed task', async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (id: number) => async () => {
      started.push(id);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, id % 3));
      running -= 1;
      if (id === 4) throw new Error('task 4 failed');
      return id * 10;
    };
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, id) => limit(task(id))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results[4]).toMatchObject({ status: 'rejected' });
    expect(results[9]).toEqual({ status: 'fulfilled', value: 90 });
    expect(() => limitConcurrency(0)).toThrow(RangeError);
  });
});

describe('listing', () => {
  const bucket = 'listing';
  const runKeys = Array.from({ length: 1205 }, (_, i) => `flow/run-${Math.floor(i / 100)}/part-${String(i).padStart(5, '0')}`);

  beforeAll(async () => {
    await server.createBucket(bucket);
    await Promise.all([
      ...runKeys.map((key, i) => server.putObject(bucket, `appflow/${key}`, `{"ID":${i}}\n`)),
      server.putObject(bucket, 'appflow/', ''),
      server.putObject(bucket, 'appflow/flow/folder/', ''),
      server.putObject(bucket, 'appflow/名前 with space.json', '{"hostName":"ホスト"}\n'),
      server.putObject(bucket, 'appflow-old/flow/run/part-0', '{}\n'),
      server.putObject(bucket, 'appflowx', '{}\n'),
    ]);
  });

  test('lists every key under the prefix across pages, relative to the prefix, and nothing past its boundary', async () => {
    const proxy = await startS3Proxy(server.endpoint);
    try {
      const objects = await listAll(source(`s3://${bucket}/appflow`, { endpoint: proxy.endpoint }).list());
      const keys = objects.map((object) => object.key);
      expect(keys).toHaveLength(runKeys.length + 2);
      expect(new Set(keys)).toEqual(new Set([...runKeys, 'flow/folder/', '名前 with space.json']));
      const listRequests = proxy.requests.filter((request) => request.query.get('list-type') === '2');
      expect(listRequests.length).toBe(2);
      expect(listRequests[1]?.query.get('continuation-token')).toBeTruthy();
      expect(listRequests.every((request) => request.query.get('prefix') === 'appflow/')).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  test('reports size, LastModified and the unquoted ETag', async () => {
    const before = Date.now();
    await server.putObject(bucket, 'fields/run/part-1', 'hello fleet');
    const [object] = await listAll(source(`s3://${bucket}/fields/`).list());
    expect(object).toBeDefined();
    expect(object!.key).toBe('run/part-1');
    expect(object!.size).toBe('hello fleet'.length);
    expect(object!.etag).toBe(md5('hello fleet'));
    expect(object!.lastModified).toBeInstanceOf(Date);
    expect(object!.lastModified.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  test('names the root after the last prefix segment, or the bucket', () => {
    const nested = source(`s3://${bucket}/exports/appflow/`);
    expect(nested.rootName).toBe('appflow');
    expect(nested.uri).toBe(`s3://${bucket}/exports/appflow`);
    const whole = source(`s3://${bucket}`);
    expect(whole.rootName).toBe(bucket);
    expect(whole.uri).toBe(`s3://${bucket}`);
  });

  test('lists a whole bucket when there is no prefix', async () => {
    await server.createBucket('whole');
    await server.putObject('whole', 'a/b', '1');
    await server.putObject('whole', 'c', '2');
    const keys = (await listAll(source('s3://whole').list())).map((object) => object.key);
    expect(keys.sort()).toEqual(['a/b', 'c']);
  });

  test('finds the endpoint in AWS_ENDPOINT_URL_S3 when none is given', async () => {
    const objects = await withEnv({ AWS_ENDPOINT_URL_S3: server.endpoint }, () =>
      listAll(createS3Source({ uri: `s3://${bucket}/fields`, cacheDir: freshCacheDir() }).list()),
    );
    expect(objects.map((object) => object.key)).toEqual(['run/part-1']);
  });
});

describe('fetching', () => {
  const bucket = 'fetching';

  beforeAll(async () => {
    await server.createBucket(bucket);
  });

  test('downloads the bytes once; later fetches, also from a new source on the same cache, are cache hits', async () => {
    const body = Buffer.from('{"ID":1,"hostName":"ウェブ-01"}\n'.repeat(2000));
    await server.putObject(bucket, 'once/run/part-0.json', body);
    const cacheDir = freshCacheDir();
    const proxy = await startS3Proxy(server.endpoint);
    try {
      const first = createS3Source({ uri: `s3://${bucket}/once`, cacheDir, endpoint: proxy.endpoint });
      const [object] = await listAll(first.list());
      const path = await first.fetch(object!);
      expect(await readFile(path)).toEqual(body);
      expect(path.endsWith('.json')).toBe(true);
      expect(first.stats).toEqual({ downloaded: 1, cacheHits: 0, bytesDownloaded: body.length });
      expect(await first.fetch(object!)).toBe(path);
      expect(first.stats).toEqual({ downloaded: 1, cacheHits: 1, bytesDownloaded: body.length });

      const second = createS3Source({ uri: `s3://${bucket}/once`, cacheDir, endpoint: proxy.endpoint });
      const [listedAgain] = await listAll(second.list());
      expect(await second.fetch(listedAgain!)).toBe(path);
      expect(second.stats).toEqual({ downloaded: 0, cacheHits: 1, bytesDownloaded: 0 });
      const objectGets = proxy.requests.filter((request) => request.method === 'GET' && request.key !== '');
      expect(objectGets).toHaveLength(1);
      expect(await readdir(cacheDir)).toHaveLength(1);
    } finally {
      await proxy.stop();
    }
  });

  test('downloads again when the object changes (new ETag) and keeps both versions apart', async () => {
    const s3 = source(`s3://${bucket}/changing`);
    await server.putObject(bucket, 'changing/run/part-0', 'version one');
    const [old] = await listAll(s3.list());
    const oldPath = await s3.fetch(old!);
    await server.putObject(bucket, 'changing/run/part-0', 'version two!');
    const [changed] = await listAll(s3.list());
    expect(changed!.etag).not.toBe(old!.etag);
    const newPath = await s3.fetch(changed!);
    expect(newPath).not.toBe(oldPath);
    expect(await readFile(newPath, 'utf8')).toBe('version two!');
    expect(await readFile(oldPath, 'utf8')).toBe('version one');
    expect(s3.stats.downloaded).toBe(2);
    expect(s3.stats.cacheHits).toBe(0);
  });

  test('refuses bytes that no longer match the listed ETag', async () => {
    const s3 = source(`s3://${bucket}/replaced`);
    await server.putObject(bucket, 'replaced/part', 'listed');
    const [listed] = await listAll(s3.list());
    await server.putObject(bucket, 'replaced/part', 'replaced after listing');
    const error = await failureOf(s3.fetch(listed!));
    expect(error.message).toMatch(/s3:\/\/fetching\/replaced\/part changed after it was listed/);
    expect(s3.stats.downloaded).toBe(0);
  });

  test('fetches the same object requested concurrently with one download', async () => {
    const s3 = source(`s3://${bucket}/shared`);
    await server.putObject(bucket, 'shared/part', 'shared bytes');
    const [object] = await listAll(s3.list());
    const paths = await Promise.all([s3.fetch(object!), s3.fetch(object!), s3.fetch(object!)]);
    expect(new Set(paths).size).toBe(1);
    expect(s3.stats.downloaded).toBe(1);
  });

  test.each([
    { concurrency: 3, expectedPeak: 3 },
    { concurrency: undefined, expectedPeak: 8 },
  ])('keeps at most $expectedPeak downloads in flight (concurrency option: $concurrency)', async ({ concurrency, expectedPeak }) => {
    const prefix = `parallel-${expectedPeak}`;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => server.putObject(bucket, `${prefix}/run/part-${i}`, `body ${i}`)),
    );
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const proxy = await startS3Proxy(server.endpoint, { hold: (request) => (request.key === '' ? undefined : released) });
    try {
      const s3 = source(`s3://${bucket}/${prefix}`, {
        endpoint: proxy.endpoint,
        ...(concurrency === undefined ? {} : { concurrency }),
      });
      const objects = await listAll(s3.list());
      const fetching = Promise.all(objects.map((object) => s3.fetch(object)));
      // Every download is held at the proxy, so the limit is reached however slowly the machine runs.
      await vi.waitUntil(() => proxy.inFlight === expectedPeak, { timeout: 30_000, interval: 20 });
      release();
      const paths = await fetching;
      expect(paths).toHaveLength(24);
      expect(proxy.peakInFlight).toBe(expectedPeak);
      expect(s3.stats.downloaded).toBe(24);
    } finally {
      await proxy.stop();
    }
  });

  test('never keeps a half-written download and clears leftovers of dead processes', async () => {
    const body = 'x'.repeat(100_000);
    await server.putObject(bucket, 'cut/part', body);
    const cacheDir = freshCacheDir();
    await mkdir(cacheDir, { recursive: true });
    const deadPid = 2 ** 22 + 12345;
    const leftover = join(cacheDir, `0123abcd.json.${deadPid}-5f0c2a4e-0000-4000-8000-000000000000.part`);
    await writeFile(leftover, 'partial');

    let cut = true;
    const proxy = await startS3Proxy(server.endpoint, { cutOffBody: (request) => cut && request.key === 'cut/part' });
    try {
      const s3 = createS3Source({ uri: `s3://${bucket}/cut`, cacheDir, endpoint: proxy.endpoint });
      const [object] = await listAll(s3.list());
      const failure = await failureOf(s3.fetch(object!));
      expect(failure.message).toMatch(/^The connection to http:\/\/127\.0\.0\.1:\d+ failed \(ECONNRESET\) while reading s3:\/\/fetching\/cut\/part; run the load again\.$/);
      expect(await readdir(cacheDir)).toEqual([]);
      expect(s3.stats.downloaded).toBe(0);

      cut = false;
      const path = await s3.fetch(object!);
      expect(await readFile(path, 'utf8')).toBe(body);
      expect(s3.stats.downloaded).toBe(1);
      expect(existsSync(leftover)).toBe(false);
    } finally {
      await proxy.stop();
    }
  });
});

describe('errors', () => {
  const bucket = 'guarded';

  beforeAll(async () => {
    await server.createBucket(bucket);
    await server.putObject(bucket, 'appflow/flow/run/part-0', '{"ID":1}\n');
  });

  test('a missing bucket', async () => {
    const error = await failureOf(listAll(source('s3://no-such-bucket/appflow').list()));
    expect(error.message).toMatch(/^Bucket "no-such-bucket" does not exist/);
  });

  test('access denied on list names s3:ListBucket and the bucket ARN', async () => {
    const proxy = await startS3Proxy(server.endpoint, {
      reject: (request) =>
        request.key === '' ? { status: 403, code: 'AccessDenied', message: 'Access Denied' } : undefined,
    });
    try {
      const error = await failureOf(listAll(source(`s3://${bucket}/appflow`, { endpoint: proxy.endpoint }).list()));
      expect(error.message).toBe(
        `Access denied listing s3://${bucket}/appflow/: the credentials need s3:ListBucket on arn:aws:s3:::${bucket}.`,
      );
    } finally {
      await proxy.stop();
    }
  });

  test('access denied on get names s3:GetObject and the object ARN', async () => {
    const proxy = await startS3Proxy(server.endpoint, {
      reject: (request) =>
        request.key === '' ? undefined : { status: 403, code: 'AccessDenied', message: 'Access Denied' },
    });
    try {
      const s3 = source(`s3://${bucket}/appflow`, { endpoint: proxy.endpoint });
      const [object] = await listAll(s3.list());
      const error = await failureOf(s3.fetch(object!));
      expect(error.message).toBe(
        `Access denied reading s3://${bucket}/appflow/flow/run/part-0: ` +
          `the credentials need s3:GetObject on arn:aws:s3:::${bucket}/appflow/flow/run/part-0.`,
      );
    } finally {
      await proxy.stop();
    }
  });

  test('credentials AWS rejects', async () => {
    const proxy = await startS3Proxy(server.endpoint, {
      reject: () => ({ status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' }),
    });
    try {
      const error = await failureOf(listAll(source(`s3://${bucket}/appflow`, { endpoint: proxy.endpoint }).list()));
      expect(error.message).toMatch(/^AWS rejected the credentials while reading s3:\/\/guarded\/appflow\/ \(InvalidAccessKeyId: /);
      expect(error.message).toContain('AWS_PROFILE or --profile');
    } finally {
      await proxy.stop();
    }
  });

  test('an object deleted between listing and fetching', async () => {
    await server.putObject(bucket, 'vanishing/part', 'here for now');
    const s3 = source(`s3://${bucket}/vanishing`);
    const [object] = await listAll(s3.list());
    await server.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'vanishing/part' }));
    const error = await failureOf(s3.fetch(object!));
    expect(error.message).toBe(`s3://${bucket}/vanishing/part was deleted after it was listed; run the load again.`);
  });

  const noCredentials = {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
  };

  test('no credentials anywhere says how to provide them', async () => {
    const config = join(work, 'no-credentials-config');
    await writeFile(config, '');
    const error = await withEnv({ ...noCredentials, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: config }, () =>
      failureOf(listAll(source(`s3://${bucket}/appflow`).list())),
    );
    expect(error.message).toMatch(/^No usable AWS credentials/);
    expect(error.message).toContain('AWS_PROFILE or --profile');
    expect(error.message).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    expect(error.message).toContain('aws sso login');
    expect(error.message).toContain('instance/task role');
  });

  test('a profile that does not exist', async () => {
    const config = join(work, 'profile-config');
    await writeFile(config, '[profile other]\nregion = eu-west-1\n');
    const error = await withEnv({ ...noCredentials, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: config }, () =>
      failureOf(listAll(source(`s3://${bucket}/appflow`, { profile: 'no-such-profile' }).list())),
    );
    expect(error.message).toMatch(/^No usable AWS credentials for profile "no-such-profile" \(/);
    expect(error.message).toContain('AWS_PROFILE or --profile');
  });

  test('an unreachable endpoint', async () => {
    const closedPort = await freePort();
    const endpoint = `http://127.0.0.1:${closedPort}`;
    const error = await failureOf(listAll(source(`s3://${bucket}/appflow`, { endpoint }).list()));
    expect(error.message).toBe(`Cannot reach ${endpoint} (ECONNREFUSED) while reading s3://${bucket}/appflow/.`);
  });
});

describe('transient faults', () => {
  const bucket = 'transient';
  const body = '{"ID":1,"hostName":"flaky-01"}\n'.repeat(500);
  const isGet = (request: FaultedRequest) => !request.isList && request.method === 'GET';
  /** Faults the first `times` GETs of objects with `kind`. */
  const firstGets = (kind: FaultKind, times: number) => {
    let gets = 0;
    return (request: FaultedRequest) => (isGet(request) && ++gets <= times ? kind : undefined);
  };

  beforeAll(async () => {
    await server.createBucket(bucket);
    await server.putObject(bucket, 'run/part-0.json', body);
  });

  async function fetchThrough(kind: FaultKind, times: number, options: Partial<S3SourceOptions> = {}) {
    const proxy = await startFaultProxy({ upstream: server.endpoint, seed: 1, rate: 0, always: firstGets(kind, times), stallMs: 60_000 });
    try {
      // The timeout is far below a stall (60 s) and far above an honest reply on a loaded machine.
      const s3 = source(`s3://${bucket}/run`, { endpoint: proxy.endpoint, timeoutMs: 2000, ...options });
      const [object] = await listAll(s3.list());
      const outcome = await s3.fetch(object!).then(
        async (path) => ({ bytes: await readFile(path, 'utf8'), error: undefined }),
        (error: unknown) => ({ bytes: undefined, error: error as SourceError }),
      );
      return { ...outcome, gets: proxy.requests - proxy.listRequests, stats: { ...s3.stats } };
    } finally {
      await proxy.stop();
    }
  }

  test.each(['reset', 'truncate', 'short', 'stall-body'] as const)(
    'a body that breaks off (%s) twice is fetched a third time, byte for byte',
    async (kind) => {
      const fetched = await fetchThrough(kind, 2);
      expect(fetched.error).toBeUndefined();
      expect(fetched.bytes).toBe(body);
      expect(fetched.gets).toBeGreaterThanOrEqual(3);
      expect(fetched.stats.downloaded).toBe(1);
    },
    20_000,
  );

  test.each(['status-500', 'status-503', 'stall'] as const)(
    'a reply that fails before its body (%s) three times is retried by the SDK; a hung reply times out instead of hanging',
    async (kind) => {
      const fetched = await fetchThrough(kind, 3);
      expect(fetched.error).toBeUndefined();
      expect(fetched.bytes).toBe(body);
      expect(fetched.gets).toBeGreaterThanOrEqual(4);
    },
    20_000,
  );

  test('the attempts are bounded and the failure is one line naming the object; a short body is a transfer fault', async () => {
    const reset = await fetchThrough('reset', 100, { maxAttempts: 2 });
    expect(reset.gets).toBe(2);
    expect(reset.error?.message).toMatch(/^The connection to http:\/\/127\.0\.0\.1:\d+ failed \(ECONNRESET\) while reading s3:\/\/transient\/run\/part-0\.json; run the load again\.$/);
    const short = await fetchThrough('short', 100, { maxAttempts: 3 });
    expect(short.gets).toBe(3);
    expect(short.error?.message).toMatch(
      new RegExp(`^The connection to http://127\\.0\\.0\\.1:\\d+ failed \\(received ${Math.floor(body.length / 2)} of ${body.length} bytes\\) while reading s3://transient/run/part-0\\.json; run the load again\\.$`),
    );
    expect(short.stats.downloaded).toBe(0);
  }, 20_000);

  test.each(['status-500', 'reset', 'truncate', 'stall'] as const)('a list page that fails (%s) three times is asked for again', async (kind) => {
    await Promise.all(Array.from({ length: 7 }, (_, i) => server.putObject(bucket, `paged/run/part-${i}`, `${i}\n`)));
    let faulted = 0;
    const proxy = await startFaultProxy({
      upstream: server.endpoint,
      seed: 1,
      rate: 0,
      listPageSize: 2,
      stallMs: 60_000,
      always: (request) => (request.isList && request.query.has('continuation-token') && ++faulted <= 3 ? kind : undefined),
    });
    try {
      const objects = await listAll(source(`s3://${bucket}/paged`, { endpoint: proxy.endpoint, timeoutMs: 2000 }).list());
      expect(objects.map((object) => object.key).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `run/part-${i}`));
      expect(proxy.listFaults).toBe(3);
    } finally {
      await proxy.stop();
    }
  }, 20_000);
});

describe('secrets in the endpoint', () => {
  test('are not shown: user name, password, query string', () => {
    const endpoint = redactEndpoint('http://AKIAUSERNAME:pass%2Fword-1@minio.internal:9000/?X-Amz-Security-Token=tok%2Ben-99&x=1');
    expect(endpoint.shown).toBe('http://***@minio.internal:9000?***');
    const quoted = endpoint.scrub(
      'getaddrinfo ENOTFOUND http://AKIAUSERNAME:pass%2Fword-1@minio.internal:9000/?X-Amz-Security-Token=tok%2Ben-99&x=1 ' +
        'user AKIAUSERNAME password pass/word-1 token tok+en-99',
    );
    for (const secret of ['AKIAUSERNAME', 'pass%2Fword-1', 'pass/word-1', 'tok%2Ben-99', 'tok+en-99']) expect(quoted).not.toContain(secret);
    expect(redactEndpoint('http://127.0.0.1:9000').shown).toBe('http://127.0.0.1:9000');
    expect(redactEndpoint('not a url').shown).not.toContain('not a url');
  });

  const secrets = ['AKIASECRETUSER', 'pass-secret-123', 'token-secret-456'];
  const withSecrets = (endpoint: string) => {
    const url = new URL(endpoint);
    return `http://${secrets[0]}:${secrets[1]}@${url.host}/?X-Amz-Security-Token=${secrets[2]}`;
  };
  const cliEnv = (extra: Record<string, string | undefined> = {}) => ({
    ...server.env,
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_S3: undefined,
    AWS_MAX_ATTEMPTS: '1',
    AWS_CONFIG_FILE: emptyAwsConfig,
    AWS_SHARED_CREDENTIALS_FILE: emptyAwsConfig,
    ...extra,
  });
  const expectNoSecret = (output: string) => {
    for (const secret of secrets) expect(output).not.toContain(secret);
  };

  test('are never printed by the CLI, from --endpoint or AWS_ENDPOINT_URL_S3, for an unreachable or a denying endpoint', async () => {
    const db = join(work, 'secrets.duckdb');
    const unreachable = withSecrets(`http://127.0.0.1:${await freePort()}`);
    const viaOption = await runCli(['load', 's3://guarded/appflow', '--db', db, '--endpoint', unreachable], { env: cliEnv() });
    expect(viaOption.status).toBe(ExitCode.failed);
    expect(viaOption.stderr).toMatch(/Cannot reach http:\/\/\*\*\*@127\.0\.0\.1:\d+\?\*\*\* \(ECONNREFUSED\)/);
    expectNoSecret(viaOption.stdout + viaOption.stderr);
    const viaEnv = await runCli(['load', 's3://guarded/appflow', '--db', db], { env: cliEnv({ AWS_ENDPOINT_URL_S3: unreachable }) });
    expect(viaEnv.status).toBe(ExitCode.failed);
    expect(viaEnv.stderr).toContain('Cannot reach http://***@127.0.0.1:');
    expectNoSecret(viaEnv.stdout + viaEnv.stderr);

    const proxy = await startS3Proxy(server.endpoint, { reject: () => ({ status: 403, code: 'AccessDenied', message: 'Access Denied' }) });
    try {
      const denied = await runCli(['load', 's3://guarded/appflow', '--db', db, '--endpoint', withSecrets(proxy.endpoint)], { env: cliEnv() });
      expect(denied.status).toBe(ExitCode.access);
      expect(denied.stderr).toContain('Access denied listing s3://guarded/appflow/');
      expectNoSecret(denied.stdout + denied.stderr);
    } finally {
      await proxy.stop();
    }
  });

  test('access errors exit 4, a missing bucket 3', async () => {
    const db = join(work, 'exit-codes.duckdb');
    const load = (uri: string, endpoint: string, env: Record<string, string | undefined> = {}) =>
      runCli(['load', uri, '--db', db, '--endpoint', endpoint], { env: cliEnv(env) });
    const noCredentials = await load('s3://guarded/appflow', server.endpoint, {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(noCredentials.stderr).toContain('No usable AWS credentials');
    expect(noCredentials.status).toBe(ExitCode.access);
    const proxy = await startS3Proxy(server.endpoint, {
      reject: (request) =>
        request.bucket === 'wrong-key'
          ? { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' }
          : { status: 403, code: 'AccessDenied', message: 'Access Denied' },
    });
    try {
      const denied = await load('s3://guarded/appflow', proxy.endpoint);
      expect(denied.stderr).toContain('s3:ListBucket');
      expect(denied.status).toBe(ExitCode.access);
      const wrongKey = await load('s3://wrong-key/appflow', proxy.endpoint);
      expect(wrongKey.stderr).toContain('AWS rejected the credentials');
      expect(wrongKey.status).toBe(ExitCode.access);
    } finally {
      await proxy.stop();
    }
    const missing = await load('s3://no-such-bucket/appflow', server.endpoint);
    expect(missing.stderr).toContain('Bucket "no-such-bucket" does not exist');
    expect(missing.status).toBe(ExitCode.nothingUsable);
  });
});

describe('proxies and certificate authorities', () => {
  const bucket = 'proxied';

  beforeAll(async () => {
    await server.createBucket(bucket);
    await server.putObject(bucket, 'run/part-0', '{"ID":1}\n');
  });

  test('HTTP_PROXY carries the requests to an http endpoint, except for hosts in NO_PROXY', async () => {
    const proxy = await startS3Proxy(server.endpoint);
    try {
      const direct = { HTTPS_PROXY: undefined, https_proxy: undefined, http_proxy: undefined, no_proxy: undefined };
      const viaProxy = await withEnv({ ...direct, HTTP_PROXY: proxy.endpoint, NO_PROXY: undefined }, async () => {
        const s3 = source(`s3://${bucket}/run`);
        const [object] = await listAll(s3.list());
        return readFile(await s3.fetch(object!), 'utf8');
      });
      expect(viaProxy).toBe('{"ID":1}\n');
      expect(proxy.requests.map((request) => `${request.method} ${request.key}`)).toEqual(['GET ', 'GET run/part-0']);
      const bypassed = await withEnv({ ...direct, HTTP_PROXY: proxy.endpoint, NO_PROXY: '127.0.0.1' }, () => listAll(source(`s3://${bucket}/run`).list()));
      expect(bypassed).toHaveLength(1);
      expect(proxy.requests).toHaveLength(2);
    } finally {
      await proxy.stop();
    }
  });

  test('an https endpoint with its own CA: AWS_CA_BUNDLE makes it trusted, HTTPS_PROXY tunnels to it', async () => {
    const pem = selfSignedCertificate(await mkdtemp(join(work, 'tls-')));
    const front = await startTlsFront(server.endpoint, pem);
    const tunnel = await startConnectProxy();
    const noProxy = { HTTPS_PROXY: undefined, https_proxy: undefined, HTTP_PROXY: undefined, http_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined };
    try {
      const list = () => listAll(source(`s3://${bucket}/run`, { endpoint: front.endpoint, maxAttempts: 1 }).list());
      const untrusted = await withEnv({ ...noProxy, AWS_CA_BUNDLE: undefined }, () => failureOf(list()));
      expect(untrusted.message).toMatch(/self.signed certificate/i);
      const trusted = await withEnv({ ...noProxy, AWS_CA_BUNDLE: pem.cert }, list);
      expect(trusted.map((object) => object.key)).toEqual(['part-0']);
      expect(tunnel.seen).toEqual([]);
      const tunnelled = await withEnv({ ...noProxy, AWS_CA_BUNDLE: pem.cert, HTTPS_PROXY: tunnel.endpoint }, list);
      expect(tunnelled).toHaveLength(1);
      expect(tunnel.seen).toEqual([new URL(front.endpoint).host]);
      const missingBundle = join(work, 'no-such-bundle.pem');
      const unreadable = await withEnv({ ...noProxy, AWS_CA_BUNDLE: missingBundle }, async () => {
        try {
          source(`s3://${bucket}/run`, { endpoint: front.endpoint });
        } catch (error) {
          return error;
        }
        return undefined;
      });
      expect(unreadable).toBeInstanceOf(SourceError);
      expect((unreadable as SourceError).message).toBe(`AWS_CA_BUNDLE names ${missingBundle}, which cannot be read (ENOENT).`);
    } finally {
      await tunnel.stop();
      await front.stop();
    }
  });
});

describe('awscli', () => {
  test('a tree uploaded by `aws s3 cp --recursive` lists and fetches byte for byte', async () => {
    const tree = join(work, 'aws-tree');
    const files: Record<string, string> = {
      'computers/3f1c9d2e-0b7a-4c55-9e61-2a8d4f0c7b11/part-00000': '{"ID":1,"hostName":"web-01"}\n',
      'computers/3f1c9d2e-0b7a-4c55-9e61-2a8d4f0c7b11/part-00001.json': '[{"ID":2,"hostName":"サーバー"}]',
      'policies/schemaVersion_1/2026/01/05/9a8b7c6d-1111-4222-8333-444455556666/policies.csv': 'ID,name\n1,Base\n',
      'README.md': '# exports\n',
    };
    for (const [key, body] of Object.entries(files)) {
      await mkdir(join(tree, key, '..'), { recursive: true });
      await writeFile(join(tree, key), body);
    }
    await server.createBucket('cli-bucket');
    const aws = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
    await promisify(execFile)(
      aws,
      ['--endpoint-url', server.endpoint, 's3', 'cp', '--recursive', '--only-show-errors', tree, 's3://cli-bucket/exports/appflow'],
      { env: { ...process.env, AWS_PAGER: '' }, timeout: 20_000 },
    );

    const s3 = source('s3://cli-bucket/exports/appflow');
    const objects = await listAll(s3.list());
    expect(objects.map((object) => object.key).sort()).toEqual(Object.keys(files).sort());
    for (const object of objects) {
      const expected = files[object.key]!;
      expect(object.size).toBe(Buffer.byteLength(expected));
      expect(object.etag).toBe(md5(expected));
      expect(await readFile(await s3.fetch(object), 'utf8')).toBe(expected);
    }
    expect(s3.stats.downloaded).toBe(Object.keys(files).length);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
