import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

export interface Front {
  endpoint: string;
  /** What the front saw: request lines for the TLS front, CONNECT targets for the tunnelling proxy. */
  readonly seen: readonly string[];
  stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made by openssl in `dir`; returns the PEM paths. */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { cert, key };
}

/** HTTPS on 127.0.0.1 with the given certificate, passing every request to a plain-HTTP upstream. */
export async function startTlsFront(upstream: string, pem: { cert: string; key: string }): Promise<Front> {
  const target = new URL(upstream);
  const seen: string[] = [];
  const server = createHttpsServer({ cert: readFileSync(pem.cert), key: readFileSync(pem.key) }, (incoming, outgoing) => {
    seen.push(`${incoming.method} ${incoming.url}`);
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (reply) => {
        outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  return listen(server, 'https', seen);
}

/** An HTTP proxy on 127.0.0.1 that only tunnels (CONNECT), as HTTPS_PROXY is used for https endpoints. */
export async function startConnectProxy(): Promise<Front> {
  const seen: string[] = [];
  const server = createHttpServer((_incoming, outgoing) => {
    outgoing.writeHead(405).end();
  });
  server.on('connect', (incoming, client, head) => {
    seen.push(incoming.url ?? '');
    const [host = '', port = ''] = (incoming.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const tunnel = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tunnel.write(head);
      tunnel.pipe(client);
      client.pipe(tunnel);
    });
    tunnel.on('error', () => client.destroy());
    client.on('error', () => tunnel.destroy());
  });
  return listen(server, 'http', seen);
}

async function listen(server: Server, scheme: string, seen: string[]): Promise<Front> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `${scheme}://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
