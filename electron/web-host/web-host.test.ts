// The web host with a real core: who may connect, and what malformed calls get back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { maxMessageBytes, type CarrierResponse } from '../../shared/api/carrier-protocol';
import { openWorkstationCore, type WorkstationCore } from '../core/workstation-core';
import { carrierPath, startWebHost, type WebHost } from './web-host';

let folder: string;
let core: WorkstationCore;
let host: WebHost;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-web-host-'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>IMI Desk</title>');
  // Nothing listens on port 9: the core starts offline and serves its replica.
  core = await openWorkstationCore({ dataFolder: folder, centralUrl: 'http://127.0.0.1:9', workspace: 'connected', version: 'test' });
  host = await startWebHost({ calls: core.calls, streams: core.streams, rendererFolder: folder });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
  await rm(folder, { recursive: true, force: true });
});

function connect(options: { secret?: string | null; origin?: string | null }): Promise<WebSocket> {
  const secret = options.secret === undefined ? host.secret : options.secret;
  const url = `ws://127.0.0.1:${host.port}${carrierPath}${secret === null ? '' : `?secret=${encodeURIComponent(secret)}`}`;
  const origin = options.origin === undefined ? host.origin : options.origin;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === null ? {} : { origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

/** Sends one raw message and waits for the answer to it. */
function exchange(socket: WebSocket, message: string | Buffer): Promise<CarrierResponse> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString()) as CarrierResponse));
    socket.send(message);
  });
}

const call = (id: number, method: string, input: unknown) => JSON.stringify({ kind: 'call', id, method, input });

describe('who may connect to the web host', () => {
  it('listens on the loopback address only', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toContain(`#secret=${host.secret}`);
  });

  it('refuses a WebSocket without the secret', async () => {
    await expect(connect({ secret: null })).rejects.toThrow('HTTP 401');
  });

  it('refuses a WebSocket with a wrong secret', async () => {
    await expect(connect({ secret: `${host.secret}x` })).rejects.toThrow('HTTP 401');
  });

  it('refuses a WebSocket from another origin, even with the secret', async () => {
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: `http://127.0.0.1:${host.port + 1}` })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: null })).rejects.toThrow('HTTP 403');
  });

  it('accepts its own page with the secret', async () => {
    const socket = await connect({});
    const answer = await exchange(socket, call(1, 'settings.get', {}));
    expect(answer).toEqual({ kind: 'result', id: 1, ok: true, output: { language: 'en' } });
    socket.close();
  });

  it('serves the renderer with a Content-Security-Policy, and no file outside its folder', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const escape = await fetch(`${host.origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toContain('<title>IMI Desk</title>');
  });
});

describe('malformed calls through the carrier', () => {
  let socket: WebSocket;
  beforeAll(async () => {
    socket = await connect({});
  });
  afterAll(() => socket.close());

  const cases: [string, string | Buffer, string][] = [
    ['text that is not JSON', '{"kind": "call", ', 'malformed-message'],
    ['JSON that is not an envelope', '[1, 2, 3]', 'malformed-message'],
    ['an envelope of an unknown kind', JSON.stringify({ kind: 'shutdown', id: 2 }), 'malformed-message'],
    ['an envelope with extra fields', JSON.stringify({ kind: 'call', id: 3, method: 'settings.get', input: {}, admin: true }), 'malformed-message'],
    ['a binary message', Buffer.from([0, 1, 2]), 'malformed-message'],
    ['an unknown method', call(4, 'system.exec', { command: 'rm -rf /' }), 'unknown-method'],
    ['a method inherited from Object', call(5, 'constructor', {}), 'unknown-method'],
    ['a number where text belongs', call(6, 'directory.authority', { id: 42 }), 'invalid-input'],
    ['a missing field', call(7, 'directory.page', { filter: {}, language: 'en', offset: 0 }), 'invalid-input'],
    ['an unknown country', call(8, 'directory.page', { filter: { country: 'XX' }, language: 'en', offset: 0, limit: 10 }), 'invalid-input'],
    ['a limit too large', call(9, 'directory.page', { filter: {}, language: 'en', offset: 0, limit: 1e9 }), 'invalid-input'],
    ['an unknown language', call(10, 'settings.update', { language: 'tlh' }), 'invalid-input'],
    ['an unexpected field in the input', call(11, 'settings.get', { everything: true }), 'invalid-input'],
    ['an oversized payload', call(12, 'directory.authority', { id: 'x'.repeat(maxMessageBytes) }), 'payload-too-large'],
    ['an unknown stream', JSON.stringify({ kind: 'subscribe', id: 13, stream: 'filesystem', input: {} }), 'unknown-method'],
  ];

  it.each(cases)('answers %s with a typed error', async (_name, message, code) => {
    const answer = await exchange(socket, message);
    expect(answer.kind).toBe('result');
    if (answer.kind === 'result' && !answer.ok) {
      expect(answer.error.code).toBe(code);
      expect(answer.error.message.length).toBeGreaterThan(0);
    } else {
      expect.fail(`expected an error, got ${JSON.stringify(answer)}`);
    }
  });

  it('names the offending field of an invalid input', async () => {
    const answer = await exchange(socket, call(20, 'directory.page', { filter: {}, language: 'en', offset: -1, limit: 10 }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'offset' }] } });
  });

  it('keeps serving after all of them', async () => {
    const answer = await exchange(socket, call(21, 'directory.page', { filter: {}, language: 'en', offset: 0, limit: 10 }));
    expect(answer).toEqual({ kind: 'result', id: 21, ok: true, output: { total: 0, rows: [] } });
    const other = await connect({});
    expect(await exchange(other, call(22, 'workspace.info', {}))).toMatchObject({ ok: true, output: { workspace: 'connected' } });
    other.close();
  });

  it('streams events to a subscriber and stops on unsubscribe', async () => {
    const events: CarrierResponse[] = [];
    socket.on('message', (data) => events.push(JSON.parse(data.toString()) as CarrierResponse));
    socket.send(JSON.stringify({ kind: 'subscribe', id: 30, stream: 'sync.status', input: {} }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toContainEqual({ kind: 'result', id: 30, ok: true, output: null });
    expect(events.find((event) => event.kind === 'event' && event.id === 30)).toMatchObject({ payload: { connection: expect.any(String) } });
    socket.send(JSON.stringify({ kind: 'unsubscribe', id: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.removeAllListeners('message');
  });
});
