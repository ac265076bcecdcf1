import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, type AgentOptions as HttpAgentOptions } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions as HttpsAgentOptions } from 'node:https';
import { caBundlePath, proxyEnvironment } from '../config';
import { SourceError } from './s3-errors';

/** `proxyEnv` is in Node since 22.21 and 24.5; @types/node 22 does not know it yet. */
type WithProxyEnv<T> = T & { proxyEnv?: NodeJS.ProcessEnv };

/**
 * The SDK's HTTP handler with timeouts (a hung connection becomes a retry, not a hang), the proxy variables
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) and `AWS_CA_BUNDLE`, none of which the v3 SDK reads by itself.
 */
export function s3HttpHandlerOptions(timeoutMs: number, nodeVersion = process.versions.node) {
  const proxyEnv = proxyEnvironment();
  if (proxyEnv !== undefined && !nodeHonoursProxyEnv(nodeVersion)) {
    throw new SourceError(
      `A proxy is set (HTTPS_PROXY/HTTP_PROXY) but Node ${nodeVersion} cannot use it: run fleetkit on Node 22.21 or later.`,
    );
  }
  const shared = { keepAlive: true, maxSockets: 50, ...(proxyEnv === undefined ? {} : { proxyEnv }) };
  const httpAgent: WithProxyEnv<HttpAgentOptions> = shared;
  const httpsAgent: WithProxyEnv<HttpsAgentOptions> = { ...shared, ...caBundle() };
  return {
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    throwOnRequestTimeout: true,
    socketTimeout: timeoutMs,
    httpAgent: new HttpAgent(httpAgent),
    httpsAgent: new HttpsAgent(httpsAgent),
  };
}

/** Like the AWS CLI, `AWS_CA_BUNDLE` replaces the trusted certificate authorities. */
function caBundle(): { ca?: Buffer } {
  const path = caBundlePath();
  if (path === undefined) return {};
  try {
    return { ca: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SourceError(`AWS_CA_BUNDLE names ${path}, which cannot be read (${code}).`, { cause: error });
  }
}

export function nodeHonoursProxyEnv(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21);
}
