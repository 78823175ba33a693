// What the Electron preload exposes to the renderer: one carrier, nothing else.
import type { CarrierResponse } from './carrier-protocol';

export const bridgeChannels = { request: 'imi-desk:carrier', event: 'imi-desk:event' } as const;

export interface ElectronBridge {
  /** Sends one JSON-encoded envelope; resolves with the answer. */
  request(envelopeJson: string): Promise<CarrierResponse>;
  onEvent(listener: (response: CarrierResponse) => void): void;
}

declare global {
  interface Window {
    imiDesk?: ElectronBridge;
  }
}
