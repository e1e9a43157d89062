import { create } from 'zustand';
import type { z } from 'zod';
import type { AppInfoSchema, AppStatus } from '../../shared/ipc/channels/app';
import type { EventPayload } from '../../shared/ipc/events';
import { toast } from '../components/Toasts';
import { api, onConnectionState, onEvent, type ConnectionState } from '../ipc/client';

export const SECTIONS = [
  { id: 'search', label: 'Search' },
  { id: 'groups', label: 'Groups' },
  { id: 'timelines', label: 'Timelines' },
  { id: 'unenroll', label: 'Unenroll' },
  { id: 'activity', label: 'Activity' },
  { id: 'connections', label: 'Connections' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

interface AppState {
  info: z.infer<typeof AppInfoSchema> | null;
  status: AppStatus | null;
  connection: ConnectionState;
  section: SectionId;
  /** Bumped on every `fleet:changed` so views reload their data. */
  fleetVersion: number;
  /** Latest sync progress per connection, while syncs run (cleared when they end). */
  sync: Record<string, EventPayload<'sync:progress'>>;
  go(section: SectionId): void;
}

export const useApp = create<AppState>((set) => ({
  info: null,
  status: null,
  connection: 'connecting',
  section: 'search',
  fleetVersion: 0,
  sync: {},
  go: (section) => set({ section }),
}));

async function refresh() {
  const [info, status] = await Promise.all([api['app:info']({}), api['app:status']({})]);
  useApp.setState({
    ...(info.ok ? { info: info.value } : {}),
    ...(status.ok ? { status: status.value } : {}),
  });
}

/** Wires the store to the service: initial load, pushed status, reconnects. */
export function startAppStore(): void {
  onConnectionState((connection) => {
    useApp.setState({ connection });
    if (connection === 'open') void refresh().then(() => useApp.setState((s) => ({ fleetVersion: s.fleetVersion + 1 })));
  });
  onEvent('status:changed', (status) => useApp.setState({ status }));
  onEvent('sync:progress', (p) =>
    useApp.setState((s) => {
      const sync = { ...s.sync, [p.connectionId]: p };
      if (p.phase === 'done' || p.phase === 'cancelled') delete sync[p.connectionId];
      return { sync };
    }),
  );
  onEvent('fleet:changed', () => useApp.setState((s) => ({ fleetVersion: s.fleetVersion + 1 })));
  // Queued changes were checked on reconnect: they wait for the user's go-ahead, which starts in Activity.
  onEvent('ops:outboxChanged', ({ message }) => message && toast(message, 'info', { label: 'Open Activity', run: () => useApp.getState().go('activity') }));
  // Adding the first own account (or a preference) can start or stop the demo fleet.
  onEvent('connections:changed', () => void refresh());
}
