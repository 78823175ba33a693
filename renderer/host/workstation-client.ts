// The renderer's WorkstationApi: one generic client over any carrier port. It checks
// inputs against the contract before sending, and renews subscriptions after a reconnect.
import type { CarrierPort } from './carrier-port';
import {
  WorkstationApiError,
  workstationCalls,
  type StreamName,
  type WorkstationApi,
} from '../../shared/api/workstation-api';

interface Subscription {
  stream: StreamName;
  input: unknown;
  onEvent: (event: never) => void;
  onError?: (error: WorkstationApiError) => void;
}

export function createWorkstationClient(port: CarrierPort): WorkstationApi {
  let nextId = 1;
  const subscriptions = new Map<number, Subscription>();

  port.onEvent((response) => {
    if (response.kind !== 'event') return;
    const subscription = subscriptions.get(response.id);
    subscription?.onEvent(response.payload as never);
  });

  function open(id: number, subscription: Subscription) {
    port.request({ kind: 'subscribe', id, stream: subscription.stream, input: subscription.input }).then(
      (response) => {
        if (response.kind === 'result' && !response.ok) subscription.onError?.(new WorkstationApiError(response.error));
      },
      (error: unknown) => subscription.onError?.(error as WorkstationApiError),
    );
  }

  port.onReconnect(() => {
    for (const [id, subscription] of subscriptions) open(id, subscription);
  });

  return {
    async call(method, input) {
      const checked = workstationCalls[method].input.safeParse(input);
      if (!checked.success) {
        throw new WorkstationApiError({ code: 'invalid-input', message: `Invalid input for "${method}": ${checked.error.message}` });
      }
      const response = await port.request({ kind: 'call', id: nextId++, method, input });
      if (response.kind !== 'result') throw new WorkstationApiError({ code: 'internal', message: 'Unexpected answer from the host.' });
      if (!response.ok) throw new WorkstationApiError(response.error);
      return response.output as never;
    },
    subscribe(stream, input, onEvent, onError) {
      const id = nextId++;
      const subscription: Subscription = { stream, input, onEvent: onEvent as (event: never) => void, onError };
      subscriptions.set(id, subscription);
      open(id, subscription);
      return () => {
        if (!subscriptions.delete(id)) return;
        port.request({ kind: 'unsubscribe', id }).catch(() => {});
      };
    },
  };
}
