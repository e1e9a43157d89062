import type { Emit, Handlers } from '../host/handler-types';
import { appHandlers } from './app-handlers';

export interface ServiceOptions {
  host: 'electron' | 'browser';
  /** Where settings, caches, the journal and logs live. */
  dataDir: string;
  version: string;
  openExternal: (url: string) => Promise<boolean>;
  log: (line: string) => void;
}

export interface AppServices {
  handlers: Handlers;
  /** The host tells the services how to reach the renderer(s). */
  setEmitter(emit: Emit): void;
  close(): Promise<void>;
}

/**
 * The composition root shared by the Electron main process and the browser
 * host: builds every service with its dependencies and the handler table.
 * Nothing here imports electron.
 */
export async function createServices(options: ServiceOptions): Promise<AppServices> {
  let emit: Emit = () => {};
  const handlers: Handlers = {
    ...appHandlers({
      info: () => ({ version: options.version, host: options.host, platform: process.platform, demo: true }),
      status: () => ({ online: true, syncing: false, lastSyncAt: null, freshness: [], liveCallsDisabled: null, staleAfterHours: 24, destructiveThreshold: 25 }),
      openExternal: options.openExternal,
    }),
  };
  return {
    handlers,
    setEmitter(next) {
      emit = next;
      void emit;
    },
    async close() {},
  };
}
