import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { EVENT_NAMES } from '../../shared/ipc/events';

/**
 * Exposes `window.fleet`: one function per contract channel and a typed event
 * subscription. `ipcRenderer` itself never reaches the page.
 */
const EVENT_CHANNEL = 'fleet:event';

const call: Record<string, (request: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) call[channel] = (request: unknown) => ipcRenderer.invoke(channel, request);

contextBridge.exposeInMainWorld('fleet', {
  call,
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!(EVENT_NAMES as string[]).includes(event)) return () => {};
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
