// The carrier over the web host's WebSocket. The secret comes in the page's fragment on
// first load and is kept for the tab's lifetime, then removed from the address bar.
import { WorkstationApiError } from '../../shared/api/workstation-api';
import type { CarrierRequest, CarrierResponse } from '../../shared/api/carrier-protocol';
import type { CarrierPort } from './carrier-port';

const secretKey = 'imi-desk-secret';

export function readSecret(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('secret');
  if (fromHash) {
    sessionStorage.setItem(secretKey, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(secretKey);
}

export function createWebSocketPort(secret: string): CarrierPort {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/carrier?secret=${encodeURIComponent(secret)}`;
  const pending = new Map<number, { resolve: (response: CarrierResponse) => void; reject: (error: unknown) => void }>();
  const eventListeners: ((response: CarrierResponse) => void)[] = [];
  const reconnectListeners: (() => void)[] = [];
  const queue: string[] = [];
  let socket: WebSocket;
  let attempts = 0;
  let everOpened = false;

  function connect() {
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempts = 0;
      if (everOpened) reconnectListeners.forEach((listener) => listener());
      everOpened = true;
      for (const message of queue.splice(0)) socket.send(message);
    };
    socket.onmessage = (message) => {
      const response = JSON.parse(String(message.data)) as CarrierResponse;
      if (response.kind === 'event') {
        eventListeners.forEach((listener) => listener(response));
      } else if (response.id !== null) {
        pending.get(response.id)?.resolve(response);
        pending.delete(response.id);
      }
    };
    socket.onclose = () => {
      for (const { reject } of pending.values()) {
        reject(new WorkstationApiError({ code: 'unavailable', message: 'The connection to the workstation host was lost.' }));
      }
      pending.clear();
      setTimeout(connect, Math.min(10_000, 500 * 2 ** attempts++));
    };
  }
  connect();

  return {
    request(envelope: CarrierRequest) {
      return new Promise((resolve, reject) => {
        pending.set(envelope.id, { resolve, reject });
        const message = JSON.stringify(envelope);
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    onEvent: (listener) => void eventListeners.push(listener),
    onReconnect: (listener) => void reconnectListeners.push(listener),
  };
}
