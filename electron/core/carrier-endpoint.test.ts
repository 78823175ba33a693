// What a call answers when its handler fails: typed errors, never a crash.
import { describe, expect, it } from 'vitest';
import type { CallHandlers, StreamHandlers } from '../../shared/api/workstation-api';
import { createCarrierEndpoint, HandlerError } from './carrier-endpoint';
import { StorageFileError } from './storage/storage-errors';

function endpointWith(handler: () => Promise<unknown>) {
  const failures: string[] = [];
  const calls = { 'settings.get': handler } as unknown as CallHandlers;
  const endpoint = createCarrierEndpoint(calls, {} as StreamHandlers, () => {}, (method) => failures.push(method));
  return { endpoint, failures };
}
const call = { kind: 'call', id: 7, method: 'settings.get', input: {} };

describe('a failing handler', () => {
  it('gives its own typed error when it throws one', async () => {
    const { endpoint } = endpointWith(async () => {
      throw new HandlerError('not-found', 'No such authority.');
    });
    expect(await endpoint.handle(call)).toEqual({ kind: 'result', id: 7, ok: false, error: { code: 'not-found', message: 'No such authority.' } });
  });

  it('says in plain words that the disk is full, however deep the storage error is wrapped', async () => {
    const full = new StorageFileError('disk-full', '/data/replica.sqlite', 'The disk holding the local data is full. Nothing was changed; free some space and try again.');
    const { endpoint, failures } = endpointWith(async () => {
      throw Object.assign(new Error('RxDB wrapped it'), { parameters: { errors: [full] } });
    });
    expect(await endpoint.handle(call)).toMatchObject({ ok: false, error: { code: 'unavailable', message: full.message } });
    expect(failures).toEqual([]);
  });

  it('reports anything else as an internal error and logs it', async () => {
    const { endpoint, failures } = endpointWith(async () => {
      throw new TypeError('x is undefined');
    });
    expect(await endpoint.handle(call)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(failures).toEqual(['settings.get']);
  });

  it('is validated on its output too', async () => {
    const { endpoint } = endpointWith(async () => ({ language: 'klingon' }));
    expect(await endpoint.handle(call)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
