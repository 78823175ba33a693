// The carrier over Electron IPC, through the bridge the preload exposes.
import type { ElectronBridge } from '../../shared/api/electron-bridge';
import type { CarrierPort } from './carrier-port';

export function createElectronPort(bridge: ElectronBridge): CarrierPort {
  return {
    request: (envelope) => bridge.request(JSON.stringify(envelope)),
    onEvent: (listener) => bridge.onEvent(listener),
    onReconnect: () => {}, // IPC does not drop
  };
}
