import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../src/errors';
import { nodeHonoursProxyEnv, s3HttpHandlerOptions } from '../src/source/s3-http';

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'AWS_CA_BUNDLE'];

function clearProxyEnvironment() {
  for (const name of proxyVariables) vi.stubEnv(name, undefined);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What Node's agents keep of the options they were made with. */
type AgentView = { keepAlive: boolean; maxSockets: number; options: { proxyEnv?: unknown; ca?: Buffer } };

describe('nodeHonoursProxyEnv', () => {
  it('is true from Node 22.21 on the 22 line, 24.5 on the 24 line, and any later major', () => {
    const honours = ['22.21.0', '22.22.1', '22.23.3', '24.5.0', '24.6.0', '24.10.0', '25.0.0', '26.1.0'];
    const ignores = ['20.19.0', '22.0.0', '22.20.9', '23.11.0', '24.0.0', '24.4.9', '21.30.0', ''];
    for (const version of honours) expect(nodeHonoursProxyEnv(version), version).toBe(true);
    for (const version of ignores) expect(nodeHonoursProxyEnv(version), version).toBe(false);
  });
});

describe('s3HttpHandlerOptions', () => {
  it('sets every timeout, keeps connections alive, and passes no proxy when none is set', () => {
    clearProxyEnvironment();
    const options = s3HttpHandlerOptions(1234, '20.0.0');
    expect(options).toMatchObject({ connectionTimeout: 1234, requestTimeout: 1234, socketTimeout: 1234, throwOnRequestTimeout: true });
    for (const agent of [options.httpAgent, options.httpsAgent] as unknown as AgentView[]) {
      expect(agent.keepAlive).toBe(true);
      expect(agent.maxSockets).toBe(50);
      expect(agent.options.proxyEnv).toBeUndefined();
    }
    expect((options.httpsAgent as unknown as AgentView).options.ca).toBeUndefined();
  });

  it('hands the proxy variables to both agents on a Node that follows them', () => {
    clearProxyEnvironment();
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.internal:3128');
    vi.stubEnv('NO_PROXY', '127.0.0.1');
    const options = s3HttpHandlerOptions(1000, '22.21.0');
    for (const agent of [options.httpAgent, options.httpsAgent] as unknown as AgentView[]) {
      expect(agent.options.proxyEnv).toEqual({ HTTPS_PROXY: 'http://proxy.internal:3128', NO_PROXY: '127.0.0.1' });
    }
  });

  it('refuses a proxy on a Node that would ignore it, rather than going around it', () => {
    clearProxyEnvironment();
    vi.stubEnv('HTTP_PROXY', 'http://proxy.internal:3128');
    expect(() => s3HttpHandlerOptions(1000, '22.20.0')).toThrow(
      'A proxy is set (HTTPS_PROXY/HTTP_PROXY) but Node 22.20.0 cannot use it: run fleetkit on Node 22.21 or later.',
    );
  });

  it('trusts the authorities of AWS_CA_BUNDLE, and names a bundle it cannot read', async () => {
    clearProxyEnvironment();
    const dir = await mkdtemp(join(tmpdir(), 'fk-ca-'));
    try {
      const bundle = join(dir, 'ca.pem');
      await writeFile(bundle, '-----BEGIN CERTIFICATE-----\nnot checked here\n-----END CERTIFICATE-----\n');
      vi.stubEnv('AWS_CA_BUNDLE', bundle);
      const options = s3HttpHandlerOptions(1000);
      expect((options.httpsAgent as unknown as AgentView).options.ca?.toString()).toContain('not checked here');
      expect((options.httpAgent as unknown as AgentView).options.ca).toBeUndefined();

      const missing = join(dir, 'missing.pem');
      vi.stubEnv('AWS_CA_BUNDLE', missing);
      let error: unknown;
      try {
        s3HttpHandlerOptions(1000);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toMatchObject({ message: `AWS_CA_BUNDLE names ${missing}, which cannot be read (ENOENT).`, exitCode: ExitCode.failed });
      expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
