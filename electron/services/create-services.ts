import { join } from 'node:path';
import type { ResultOf } from '../../shared/ipc/contract';
import { FleetQueries } from '../fleet/fleet-queries';
import { FleetStore } from '../fleet/fleet-store';
import type { Emit, Handlers } from '../host/handler-types';
import { SyncScheduler } from '../sync/sync-scheduler';
import { SyncService } from '../sync/sync-service';
import { buildUnenrollReview } from '../unenroll/review';
import { startAllSimulators } from '../vendors/demo-fleet/start-all';
import { appHandlers } from './app-handlers';
import { demoConnections } from './demo-connections';
import { fleetHandlers } from './fleet-handlers';
import { groupReadHandlers } from './groups-handlers';

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

/** Demo fleet size; FLEETDESK_DEMO_DEVICES changes it (e.g. 100000 to feel the scale). */
const DEMO_DEVICES = Number(process.env.FLEETDESK_DEMO_DEVICES ?? 1500);
const STALE_AFTER_HOURS = 24;
const DESTRUCTIVE_THRESHOLD = 25;
const SYNC_INTERVAL_MINUTES = 30;

/**
 * The composition root shared by the Electron main process and the browser
 * host: builds every service with its dependencies and the handler table.
 * Nothing here imports electron.
 */
export async function createServices(options: ServiceOptions): Promise<AppServices> {
  let emit: Emit = () => {};

  // No vendor account is configured yet: run on the built-in demo fleet, served by local simulators.
  const simulators = await startAllSimulators({ devices: DEMO_DEVICES });
  const demo = demoConnections(simulators);

  // The cache opens first (fast, no network), so the app is useful before any sync answers.
  const store = new FleetStore(join(options.dataDir, 'cache'));
  store.load(demo.connections);
  for (const problem of store.loadProblems) options.log(`[cache] ${problem}`);
  const queries = new FleetQueries(store);

  const status = (): ResultOf<'app:status'> => ({
    online: sync.online,
    syncing: sync.syncing,
    lastSyncAt: sync.lastSyncAt,
    freshness: store.freshness(),
    liveCallsDisabled: null,
    staleAfterHours: STALE_AFTER_HOURS,
    destructiveThreshold: DESTRUCTIVE_THRESHOLD,
  });
  const sync: SyncService = new SyncService({
    store,
    sources: () => demo.sources,
    emit: () => emit,
    onStatusChange: () => emit('status:changed', status()),
    log: options.log,
  });
  const scheduler = new SyncScheduler({ sync, intervalMinutes: () => SYNC_INTERVAL_MINUTES });
  scheduler.start(true);

  const groups = groupReadHandlers({ store, queries });
  const absoluteAccounts = () => demo.connections.filter((c) => c.vendor === 'absolute').map((c) => ({ connectionId: c.id, label: c.label, region: c.region ?? '' }));
  const review = (deviceKeys: string[], text: string) => buildUnenrollReview({ store, queries, accounts: absoluteAccounts, staleAfterHours: () => STALE_AFTER_HOURS }, { deviceKeys, text });

  const handlers: Handlers = {
    ...appHandlers({
      info: () => ({ version: options.version, host: options.host, platform: process.platform, demo: true }),
      status,
      openExternal: options.openExternal,
    }),
    ...fleetHandlers({ store, queries, sync }),
    ...groups.handlers,
    'unenroll:review': async ({ deviceKeys, text }) => review(deviceKeys, text),
    'unenroll:refresh': async ({ deviceKeys }) => {
      // Re-read just these devices from Absolute, then predict again from the fresh records.
      const uids = deviceKeys.map((k) => store.device(k)?.absolute?.deviceUid).filter((u): u is string => !!u);
      const fresh = await demo.clients.absolute.getDevices(uids);
      store.patchRecords('demo-absolute', uids, fresh, (r) => r.deviceUid, new Date().toISOString());
      return review(deviceKeys, '');
    },
  };

  return {
    handlers,
    setEmitter(next) {
      emit = next;
    },
    async close() {
      scheduler.stop();
      sync.cancel();
      await sync.idle();
      await simulators.close();
    },
  };
}
