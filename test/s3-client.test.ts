import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createS3Client } from '../src/source/s3-client';

/** The parts of the SDK's resolved configuration the client is expected to set. */
interface ResolvedConfig {
  profile?: string;
  forcePathStyle?: boolean;
  region: () => Promise<string>;
  requestChecksumCalculation: () => Promise<string>;
  responseChecksumValidation: () => Promise<string>;
  endpoint?: () => Promise<{ hostname: string; port?: number }>;
}

let dir: string;
let configFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fk-aws-'));
  configFile = join(dir, 'config');
  await writeFile(configFile, '[profile audit]\nregion = ap-northeast-1\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  // Only what each test sets: none of the machine's AWS settings.
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3', 'AWS_CA_BUNDLE', 'HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy']) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('AWS_CONFIG_FILE', configFile);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const resolved = (client: { config: unknown }) => client.config as ResolvedConfig;

describe('createS3Client', () => {
  it('talks to Amazon S3 by default, virtual-hosted, with the SDK’s checksums, in us-east-1 when nothing sets a region', async () => {
    const { client, errorContext } = createS3Client({});
    const config = resolved(client);
    expect(config.forcePathStyle).toBeFalsy();
    expect(config.profile).toBeUndefined();
    expect(await config.requestChecksumCalculation()).toBe('WHEN_SUPPORTED');
    expect(await config.region()).toBe('us-east-1');
    expect(errorContext.endpointDescription).toBe('Amazon S3');
    expect(errorContext.scrub('left as it is')).toBe('left as it is');
    expect(errorContext.profile).toBeUndefined();
  });

  it('takes the region from AWS_REGION, else from the chosen profile, unless one is given', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-2');
    expect(await resolved(createS3Client({}).client).region()).toBe('eu-west-2');
    vi.stubEnv('AWS_REGION', undefined);
    expect(await resolved(createS3Client({ profile: 'audit' }).client).region()).toBe('ap-northeast-1');
    expect(await resolved(createS3Client({ profile: 'audit', region: 'sa-east-1' }).client).region()).toBe('sa-east-1');
  });

  it('uses the chosen profile for credentials and names it, or AWS_PROFILE, in messages', () => {
    const chosen = createS3Client({ profile: 'audit' });
    expect(resolved(chosen.client).profile).toBe('audit');
    expect(chosen.errorContext.profile).toBe('audit');
    vi.stubEnv('AWS_PROFILE', 'from-env');
    expect(createS3Client({}).errorContext.profile).toBe('from-env');
  });

  it('talks path-style to a custom endpoint, checksums only when required, and never shows its secrets', async () => {
    const { client, errorContext } = createS3Client({ endpoint: 'http://minio:s3cr3t@127.0.0.1:9000' });
    const config = resolved(client);
    expect(config.forcePathStyle).toBe(true);
    expect(await config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
    expect(await config.endpoint!()).toMatchObject({ hostname: '127.0.0.1', port: 9000 });
    expect(errorContext.endpointDescription).not.toContain('s3cr3t');
    expect(errorContext.scrub('GET http://minio:s3cr3t@127.0.0.1:9000/x')).not.toContain('s3cr3t');
  });

  it('treats an endpoint from AWS_ENDPOINT_URL_S3 as custom too, and leaves the SDK to read it', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://127.0.0.1:9100');
    const { client, errorContext } = createS3Client({});
    expect(resolved(client).forcePathStyle).toBe(true);
    expect(await resolved(client).requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(errorContext.endpointDescription).toContain('127.0.0.1:9100');
  });
});
