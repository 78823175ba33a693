// An HTTP proxy in front of a central server that misbehaves on purpose, for sync tests:
// some answers are cut in the middle (the connection closes after part of the body), some are
// replaced by malformed JSON, some by a gateway error page. The rest pass through unchanged.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'cut' | 'malformed' | 'gateway-error';

export interface FaultProxy {
  url: string;
  /** Probability of each fault per request (0 to 1); the rest pass. */
  setFaults(rates: Partial<Record<FaultKind, number>>): void;
  /** How many requests met each fault, and how many passed. */
  readonly counts: Record<FaultKind | 'passed', number>;
  close(): Promise<void>;
}

export async function startFaultProxy(upstreamUrl: string, random: () => number = Math.random): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  let rates: Partial<Record<FaultKind, number>> = {};
  const counts: Record<FaultKind | 'passed', number> = { cut: 0, malformed: 0, 'gateway-error': 0, passed: 0 };

  const pick = (): FaultKind | 'passed' => {
    let roll = random();
    for (const kind of ['cut', 'malformed', 'gateway-error'] as const) {
      roll -= rates[kind] ?? 0;
      if (roll < 0) return kind;
    }
    return 'passed';
  };

  const server: Server = createServer((incoming, outgoing) => {
    const fault = pick();
    counts[fault]++;
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: upstream.host } },
      (answer: IncomingMessage) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', () => outgoing.destroy());
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          if (fault === 'malformed') {
            // The request did reach the server (a write was made); only the answer is spoiled.
            outgoing.writeHead(200, { 'content-type': 'application/json' });
            outgoing.end('{"results":[{"id":"authority:AT-0');
          } else if (fault === 'gateway-error') {
            outgoing.writeHead(502, { 'content-type': 'text/html' });
            outgoing.end('<html><body>Bad gateway</body></html>');
          } else if (fault === 'cut') {
            const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
            void _chunked;
            outgoing.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': String(body.length) });
            outgoing.write(body.subarray(0, Math.floor(body.length / 2)));
            outgoing.socket?.destroy();
          } else {
            outgoing.writeHead(answer.statusCode ?? 200, answer.headers);
            outgoing.end(body);
          }
        });
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults(next) {
      rates = next;
    },
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
