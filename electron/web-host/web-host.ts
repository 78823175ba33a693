// The web host: the same core behind HTTP (the built renderer) and a WebSocket (the
// carrier). It listens on 127.0.0.1 only and accepts a WebSocket only with this run's
// secret and from its own Origin, since any web page may try to open a socket to localhost.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallHandlers, StreamHandlers } from '../../shared/api/workstation-api';
import { createCarrierEndpoint } from '../core/carrier-endpoint';
import { contentSecurityPolicy } from './content-security';
import { serveStaticFiles } from './static-files';

export const carrierPath = '/carrier';

export interface WebHostOptions {
  calls: CallHandlers;
  streams: StreamHandlers;
  rendererFolder: string;
  port?: number;
  /** Defaults to a fresh random secret for this run. */
  secret?: string;
  log?: (message: string) => void;
}

export interface WebHost {
  /** The address to open, with the secret in its fragment (never sent over HTTP). */
  url: string;
  origin: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  const host = '127.0.0.1';
  let allowedOrigins: string[] = [];
  // Replaced once the port (hence the Content-Security-Policy) is known, before any request.
  let serveFiles = serveStaticFiles(options.rendererFolder, {});

  const server = createServer((request, response) => void serveFiles(request, response));
  // Large enough that an oversized call reaches the endpoint and gets a typed error.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== carrierPath) return refuse(socket, 404, 'Not Found');
    if (!allowedOrigins.includes(request.headers.origin ?? '')) {
      log(`Refused a connection from origin ${JSON.stringify(request.headers.origin ?? null)}.`);
      return refuse(socket, 403, 'Forbidden');
    }
    if (!sameSecret(url.searchParams.get('secret'), secret)) {
      log('Refused a connection without the secret of this run.');
      return refuse(socket, 401, 'Unauthorized');
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => sockets.emit('connection', webSocket));
  });

  sockets.on('connection', (webSocket: WebSocket) => {
    const send = (message: unknown) => {
      if (webSocket.readyState === webSocket.OPEN) webSocket.send(JSON.stringify(message));
    };
    const endpoint = createCarrierEndpoint(options.calls, options.streams, send, (method, error) =>
      log(`"${method}" failed: ${(error as Error)?.stack ?? String(error)}`),
    );
    webSocket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      void endpoint.handle(isBinary ? null : text).then((response) => response && send(response));
    });
    webSocket.on('close', () => endpoint.close());
    webSocket.on('error', () => endpoint.close());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  allowedOrigins = [origin, `http://localhost:${port}`];
  serveFiles = serveStaticFiles(options.rendererFolder, {
    'content-security-policy': contentSecurityPolicy([`ws://${host}:${port}`, `ws://localhost:${port}`]),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  });

  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    port,
    secret,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
