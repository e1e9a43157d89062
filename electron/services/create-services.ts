import { join } from 'node:path';
import type { ResultOf } from '../../shared/ipc/contract';
import { demoConnections } from '../connections/demo-connections';
import { FleetQueries } from '../fleet/fleet-queries';
import { FleetStore } from '../fleet/fleet-store';
import { groupIndexOf } from '../fleet/group-index';
import type { Emit, Handlers } from '../host/handler-types';
import { OpsService, toRunView } from '../ops/ops-service';
import { SyncScheduler } from '../sync/sync-scheduler';
import { SyncService } from '../sync/sync-service';
import { startAllSimulators } from '../vendors/demo-fleet/start-all';
import { appHandlers } from './app-handlers';
import { fleetHandlers } from './fleet-handlers';
import { groupHandlers } from './groups-handlers';
import { opsHandlers } from './ops-handlers';
import { timelineHandlers } from './timeline-handlers';
import { unenrollHandlers } from './unenroll-handlers';

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
  const connections = demoConnections(simulators);

  // The cache opens first (fast, no network), so the app is useful before any sync answers.
  const store = new FleetStore(join(options.dataDir, 'cache'), { log: options.log });
  store.load(connections.list());
  for (const problem of store.loadProblems) options.log(`[cache] ${problem}`);
  const queries = new FleetQueries(store);
  const groups = groupIndexOf(store);

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
    sources: () => connections.sources(),
    emit: () => emit,
    onStatusChange: () => emit('status:changed', status()),
    log: options.log,
  });
  const scheduler = new SyncScheduler({ sync, intervalMinutes: () => SYNC_INTERVAL_MINUTES });
  scheduler.start(true);

  const ops = new OpsService({
    dataDir: options.dataDir,
    destructiveThreshold: () => DESTRUCTIVE_THRESHOLD,
    executorFor: (id) => connections.executorFor(id),
    groupMembers: (connectionId, group) => groups().membersOf(connectionId, group).map((i) => store.devices[i]!.algosec!.displayName),
    currentMembers: async (connectionId, group, devices) => {
      const client = connections.client(connectionId, 'algosec');
      if (!client) return [];
      return (await client.groupsOfDevices(devices)).find((g) => g.displayName === group)?.members ?? [];
    },
    onProgress: (run) => {
      const view = toRunView(run);
      const items = view.steps.flatMap((st) => st.items);
      emit('ops:progress', { planId: run.runId, done: items.filter((i) => i.status !== 'pending' && i.status !== 'running').length, total: items.length, state: run.state, message: null });
    },
    onDraftChanged: () => emit('ops:draftChanged', { edits: ops.draft.edits().length }),
    // What changed at the vendors shows up in the fleet at once.
    onFinished: (run) => new Set(run.plan.steps.map((st) => st.connectionId)).forEach((id) => sync.start(id)),
  });
  for (const problem of ops.draft.problems) options.log(`[ops] ${problem}`);

  const handlers: Handlers = {
    ...appHandlers({
      info: () => ({ version: options.version, host: options.host, platform: process.platform, demo: connections.list().some((c) => c.demo) }),
      status,
      openExternal: options.openExternal,
    }),
    ...fleetHandlers({ store, queries, sync }),
    ...groupHandlers({ store, queries, ops, groups }),
    ...timelineHandlers(store),
    ...unenrollHandlers({ store, queries, ops, connections, staleAfterHours: () => STALE_AFTER_HOURS, destructiveThreshold: () => DESTRUCTIVE_THRESHOLD }),
    ...opsHandlers(ops),
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
      await store.flushDerived();
      await simulators.close();
    },
  };
}
