import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sendS3Error } from './s3-server';

/**
 * - `reset`: headers and half the body, then a TCP reset;
 * - `truncate`: headers (full Content-Length) and half the body, then a clean close;
 * - `short`: half the body as a complete chunked reply (no Content-Length), as a faulty middlebox might send it;
 * - `status-500` / `status-503`: an S3 XML error (InternalError / SlowDown) instead of the reply;
 * - `stall`: no reply at all until `stallMs` has passed (longer than the client's timeout), then a close;
 * - `stall-body`: headers and half the body, then silence until `stallMs`, then a close;
 * - `slow`: the right reply, `slowMs` late.
 */
export type FaultKind = 'reset' | 'truncate' | 'short' | 'status-500' | 'status-503' | 'stall' | 'stall-body' | 'slow';

export const FAULT_KINDS: readonly FaultKind[] = ['reset', 'truncate', 'short', 'status-500', 'status-503', 'stall', 'stall-body', 'slow'];

export interface FaultedRequest {
  method: string;
  /** The path-style URL path, e.g. `/bucket/key`. */
  path: string;
  query: URLSearchParams;
  /** True for ListObjectsV2. */
  isList: boolean;
}

export interface FaultProxyOptions {
  /** A loopback `http://127.0.0.1:<port>` S3 endpoint. */
  upstream: string;
  /** The same seed gives the same fault to the same request (method, path, query, how many times it was seen). */
  seed: number;
  /** Share of requests that get a fault, 0 to 1. */
  rate: number;
  kinds?: readonly FaultKind[];
  /** A fault for every request this picks, whatever the rate (a persistent fault). */
  always?: (request: FaultedRequest) => FaultKind | undefined;
  /** Rewrites ListObjectsV2's max-keys so a small export still lists in several pages. */
  listPageSize?: number;
  stallMs?: number;
  slowMs?: number;
}

export interface FaultProxy {
  endpoint: string;
  /** Requests received, faulted or not. */
  readonly requests: number;
  /** Faults injected, by kind. */
  readonly injected: Readonly<Record<FaultKind, number>>;
  /** ListObjectsV2 requests received, and how many of them got a fault. */
  readonly listRequests: number;
  readonly listFaults: number;
  stop(): Promise<void>;
}

/** Replies buffered in full are capped so a test cannot make the proxy hold unbounded memory. */
const maxBodyBytes = 16 * 1024 * 1024;
const maxConnections = 256;
const internalError = { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' };
const slowDown = { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' };

/** A fault-injecting HTTP proxy on 127.0.0.1 in front of a loopback S3 server, deterministic for a seed. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.upstream);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`the fault proxy only fronts loopback servers, not ${target.hostname}`);
  }
  const kinds = options.kinds ?? FAULT_KINDS;
  const stallMs = options.stallMs ?? 3000;
  const slowMs = options.slowMs ?? 150;
  const seen = new Map<string, number>();
  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;
  let listRequests = 0;
  let listFaults = 0;

  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const pickFault = (faulted: FaultedRequest, identity: string): FaultKind | undefined => {
    const forced = options.always?.(faulted);
    if (forced !== undefined) return forced;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const draw = unitHash(`${options.seed}\0${identity}\0${occurrence}`);
    if (draw >= options.rate) return undefined;
    return kinds[Math.floor((draw / options.rate) * kinds.length)] ?? kinds[0];
  };

  const server = createServer((incoming, outgoing) => {
    requests += 1;
    const url = new URL(incoming.url ?? '/', 'http://proxy');
    const isList = url.searchParams.get('list-type') === '2';
    if (isList) listRequests += 1;
    if (isList && options.listPageSize !== undefined) url.searchParams.set('max-keys', String(options.listPageSize));
    const faulted: FaultedRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, isList };
    const fault = pickFault(faulted, `${faulted.method} ${url.pathname}?${url.searchParams.toString()}`);
    if (fault !== undefined) injected[fault] += 1;
    if (fault !== undefined && isList) listFaults += 1;

    if (fault === 'status-500' || fault === 'status-503') {
      incoming.resume();
      sendS3Error(outgoing, fault === 'status-500' ? internalError : slowDown, url.pathname);
      return;
    }
    if (fault === 'stall') {
      incoming.resume();
      later(stallMs, () => outgoing.destroy());
      return;
    }
    const forward = () =>
      fetchUpstream(target, incoming, `${url.pathname}${url.search}`).then(
        ({ head, body }) => reply(outgoing, head, body, fault),
        () => outgoing.destroy(),
      );
    if (fault === 'slow') later(slowMs, () => void forward());
    else void forward();
  });

  const reply = (outgoing: ServerResponse, head: IncomingMessage, body: Buffer, fault: FaultKind | undefined) => {
    const half = body.subarray(0, Math.floor(body.length / 2));
    if (fault === 'short') {
      const { 'content-length': _dropped, ...headers } = head.headers;
      outgoing.writeHead(head.statusCode ?? 502, headers);
      outgoing.end(half);
      return;
    }
    outgoing.writeHead(head.statusCode ?? 502, head.headers);
    if (fault === undefined || fault === 'slow' || body.length === 0) {
      outgoing.end(body);
      return;
    }
    const socket = outgoing.socket as Socket | null;
    outgoing.write(half, () => {
      if (fault === 'reset') socket?.resetAndDestroy();
      else if (fault === 'truncate') socket?.end();
      else later(stallMs, () => socket?.destroy());
    });
  };

  server.maxConnections = maxConnections;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get listRequests() {
      return listRequests;
    },
    get listFaults() {
      return listFaults;
    },
    injected,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Sends the request upstream and reads the whole reply (at most `maxBodyBytes`). */
function fetchUpstream(target: URL, incoming: IncomingMessage, path: string): Promise<{ head: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = request(
      { host: target.hostname, port: target.port, method: incoming.method, path, headers: incoming.headers, agent: false },
      (head) => {
        const chunks: Buffer[] = [];
        let size = 0;
        head.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBodyBytes) head.destroy(new Error(`reply larger than ${maxBodyBytes} bytes`));
          else chunks.push(chunk);
        });
        head.on('end', () => resolve({ head, body: Buffer.concat(chunks) }));
        head.on('error', reject);
      },
    );
    upstream.on('error', reject);
    incoming.pipe(upstream);
  });
}

/** FNV-1a then a murmur-style finaliser: a uniform draw in [0, 1) from a string. */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
