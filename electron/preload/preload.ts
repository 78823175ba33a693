// Runs sandboxed before the renderer: exposes the carrier and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannels, type ElectronBridge } from '../../shared/api/electron-bridge';
import type { CarrierResponse } from '../../shared/api/carrier-protocol';

const bridge: ElectronBridge = {
  request(envelopeJson) {
    if (typeof envelopeJson !== 'string') return Promise.reject(new TypeError('The carrier takes JSON text.'));
    return ipcRenderer.invoke(bridgeChannels.request, envelopeJson) as Promise<CarrierResponse>;
  },
  onEvent(listener) {
    ipcRenderer.on(bridgeChannels.event, (_event, response: CarrierResponse) => listener(response));
  },
};

contextBridge.exposeInMainWorld('imiDesk', bridge);
