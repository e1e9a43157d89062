import { create } from 'zustand';
import type { TestResult } from '../../../shared/connections';
import type { AppError } from '../../../shared/errors';
import type { ConnectionList } from '../../../shared/ipc/channels/connections';
import { api, onEvent } from '../../ipc/client';

interface ConnectionsState {
  list: ConnectionList | null;
  loadError: AppError | null;
  /** The latest test per connection, shown under its row until the connection changes. */
  tests: Record<string, TestResult | 'running'>;
  load(): Promise<void>;
  test(id: string): Promise<void>;
  retryKeychain(): Promise<void>;
}

/** The Connections screen's data: the list (reloaded whenever main says it changed) and test results. */
export const useConnections = create<ConnectionsState>((set, get) => ({
  list: null,
  loadError: null,
  tests: {},
  async load() {
    const r = await api['connections:list']({});
    set(r.ok ? { list: r.value, loadError: null } : { loadError: r.error });
  },
  async test(id) {
    set({ tests: { ...get().tests, [id]: 'running' } });
    const r = await api['connections:test']({ id });
    const result: TestResult = r.ok
      ? r.value
      : { ok: false, checkedAt: new Date().toISOString(), message: r.error.message, problem: null, vendorMessage: r.error.vendorMessage ?? null, certificate: null };
    set({ tests: { ...get().tests, [id]: result } });
  },
  async retryKeychain() {
    const r = await api['connections:retryKeychain']({});
    if (r.ok) set({ list: r.value });
    else set({ loadError: r.error });
  },
}));

onEvent('connections:changed', () => void useConnections.getState().load());
