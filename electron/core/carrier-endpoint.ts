// The host end of the generic carrier: validates every envelope and every input against the
// contract, runs the handler, and answers with a typed error instead of ever throwing.
// One endpoint per connection (a window or a WebSocket), so subscriptions end with it.
import type { z } from 'zod';
import {
  carrierRequestSchema,
  maxMessageBytes,
  type CarrierResponse,
} from '../../shared/api/carrier-protocol';
import {
  workstationCalls,
  workstationStreams,
  type ApiErrorPayload,
  type CallHandlers,
  type CallName,
  type StreamHandlers,
  type StreamName,
  type Unsubscribe,
} from '../../shared/api/workstation-api';
import { findStorageError } from './storage/storage-errors';

export interface CarrierEndpoint {
  /** Handles one envelope (a JSON string or an already decoded value); never rejects. */
  handle(message: unknown): Promise<CarrierResponse | undefined>;
  /** Ends every subscription of this connection. */
  close(): void;
}

export class HandlerError extends Error {
  constructor(readonly code: ApiErrorPayload['code'], message: string) {
    super(message);
  }
}

function failure(id: number | null, error: ApiErrorPayload): CarrierResponse {
  return { kind: 'result', id, ok: false, error };
}

function issuesOf(error: z.ZodError): ApiErrorPayload['issues'] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function decode(message: unknown): { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload } {
  if (typeof message !== 'string') return { ok: true, value: message };
  if (message.length > maxMessageBytes) {
    return { ok: false, error: { code: 'payload-too-large', message: `Message of ${message.length} bytes exceeds ${maxMessageBytes}.` } };
  }
  try {
    return { ok: true, value: JSON.parse(message) };
  } catch {
    return { ok: false, error: { code: 'malformed-message', message: 'Message is not valid JSON.' } };
  }
}

function idOf(value: unknown): number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

export function createCarrierEndpoint(
  calls: CallHandlers,
  streams: StreamHandlers,
  sendEvent: (response: CarrierResponse) => void,
  onHandlerFailure: (method: string, error: unknown) => void = () => {},
): CarrierEndpoint {
  const subscriptions = new Map<number, Unsubscribe>();

  async function runCall(id: number, method: string, rawInput: unknown): Promise<CarrierResponse> {
    if (!has(workstationCalls, method)) return failure(id, { code: 'unknown-method', message: `Unknown method "${method}".` });
    const name = method as CallName;
    const contract = workstationCalls[name];
    const input = contract.input.safeParse(rawInput);
    if (!input.success) {
      return failure(id, { code: 'invalid-input', message: `Invalid input for "${method}".`, issues: issuesOf(input.error) });
    }
    try {
      const handler = calls[name] as (input: unknown) => Promise<unknown>;
      const output = contract.output.parse(await handler(input.data));
      return { kind: 'result', id, ok: true, output };
    } catch (error) {
      if (error instanceof HandlerError) return failure(id, { code: error.code, message: error.message });
      // A full disk or a damaged file says so in plain words; nothing was written.
      const storageProblem = findStorageError(error);
      if (storageProblem) return failure(id, { code: 'unavailable', message: storageProblem.message });
      onHandlerFailure(method, error);
      return failure(id, { code: 'internal', message: `"${method}" failed: ${(error as Error)?.message ?? String(error)}` });
    }
  }

  function runSubscribe(id: number, stream: string, rawInput: unknown): CarrierResponse {
    if (!has(workstationStreams, stream)) return failure(id, { code: 'unknown-method', message: `Unknown stream "${stream}".` });
    if (subscriptions.has(id)) return failure(id, { code: 'invalid-input', message: `Subscription ${id} already exists.` });
    const name = stream as StreamName;
    const input = workstationStreams[name].input.safeParse(rawInput);
    if (!input.success) {
      return failure(id, { code: 'invalid-input', message: `Invalid input for "${stream}".`, issues: issuesOf(input.error) });
    }
    try {
      const handler = streams[name] as (input: unknown, emit: (event: unknown) => void) => Unsubscribe;
      // Events emitted while the stream starts follow the answer to the subscription.
      let starting = true;
      const emit = (payload: unknown) => {
        if (starting) setImmediate(() => emit(payload));
        else if (subscriptions.has(id)) sendEvent({ kind: 'event', id, payload });
      };
      subscriptions.set(id, () => {});
      subscriptions.set(id, handler(input.data, emit));
      starting = false;
      return { kind: 'result', id, ok: true, output: null };
    } catch (error) {
      subscriptions.delete(id);
      onHandlerFailure(stream, error);
      return failure(id, { code: 'internal', message: `"${stream}" failed to start.` });
    }
  }

  return {
    async handle(message) {
      const decoded = decode(message);
      if (!decoded.ok) return failure(null, decoded.error);
      const request = carrierRequestSchema.safeParse(decoded.value);
      if (!request.success) {
        return failure(idOf(decoded.value), { code: 'malformed-message', message: 'Not a carrier envelope.', issues: issuesOf(request.error) });
      }
      const envelope = request.data;
      switch (envelope.kind) {
        case 'call':
          return runCall(envelope.id, envelope.method, envelope.input);
        case 'subscribe':
          return runSubscribe(envelope.id, envelope.stream, envelope.input);
        case 'unsubscribe': {
          subscriptions.get(envelope.id)?.();
          subscriptions.delete(envelope.id);
          return { kind: 'result', id: envelope.id, ok: true, output: null };
        }
      }
    },
    close() {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    },
  };
}
