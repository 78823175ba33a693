import type { CarrierRequest, CarrierResponse } from '../../shared/api/carrier-protocol';

/** A two-way link to the host: Electron IPC or the web host's WebSocket. */
export interface CarrierPort {
  /** Sends one envelope; resolves with the host's answer to it. */
  request(envelope: CarrierRequest): Promise<CarrierResponse>;
  /** Events of subscriptions. */
  onEvent(listener: (response: CarrierResponse) => void): void;
  /** Called each time the link is (re)established, so subscriptions can be renewed. */
  onReconnect(listener: () => void): void;
}
