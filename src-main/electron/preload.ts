import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { fail } from '../../src-shared/errors';
import { buildVaultApi, EVENT_NAMES, isChannel, type Subscribe, type Transport } from '../../src-shared/ipc';

/**
 * Sandboxed preload: exposes `window.vault` (one function per contract channel, plus `on`) and
 * nothing else. `ipcRenderer` itself never reaches the page (STYLE: no generic pass-through IPC).
 */

const transport: Transport = (channel, input) => {
  // buildVaultApi only passes contract channels; this guards against a tampered call path.
  if (!isChannel(channel)) return Promise.resolve(fail('INVALID_INPUT', 'Unknown request.'));
  return ipcRenderer.invoke(channel, input);
};

const subscribe: Subscribe = (event, listener) => {
  if (!EVENT_NAMES.includes(event)) throw new Error('Unknown event.');
  // Hand the page only the payload: the IpcRendererEvent carries `sender`, i.e. ipcRenderer.
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(`event:${event}`, forward);
  return () => {
    ipcRenderer.removeListener(`event:${event}`, forward);
  };
};

contextBridge.exposeInMainWorld('vault', buildVaultApi(transport, subscribe));
