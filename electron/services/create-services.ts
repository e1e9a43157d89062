import { join } from 'node:path';
import type { ResultOf } from '../../shared/ipc/contract';
import { ConnectionRegistry } from '../connections/registry';
import { MemorySecretStore, type SecretStore } from '../connections/secret-store';
import { memorySettings, type Settings } from '../connections/settings-store';
import { CustodyHistory } from '../custody/custody-history';
import { recordRun, recordSlice } from '../custody/record-custody';
import { FleetQueries } from '../fleet/fleet-queries';
import { FleetStore } from '../fleet/fleet-store';
import { groupIndexOf } from '../fleet/group-index';
import type { Emit, Handlers } from '../host/handler-types';
import { OpsService, toRunView } from '../ops/ops-service';
import { custodyPlanContext, custodyReader } from '../ownership/custody-deps';
import { SyncScheduler } from '../sync/sync-scheduler';
import { SyncService } from '../sync/sync-service';
import { applyDemoFaults } from '../vendors/demo-fleet/demo-faults';
import { startAllSimulators } from '../vendors/demo-fleet/start-all';
import { appHandlers } from './app-handlers';
import { connectionHandlers } from './connections-handlers';
import { fleetHandlers } from './fleet-handlers';
import { groupHandlers } from './groups-handlers';
import { opsHandlers } from './ops-handlers';
import { ownershipHandlers } from './ownership-handlers';
import { timelineHandlers } from './timeline-handlers';
import { outboxChecks } from './outbox-checks';
import { unenrollHandlers } from './unenroll-handlers';

export interface ServiceOptions {
  host: 'electron' | 'browser';
  /** Where settings, caches, the journal and logs live. */
  dataDir: string;
  version: string;
  openExternal: (url: string) => Promise<boolean>;
  log: (line: string) => void;
  /** Connections and preferences: electron-store (desktop) or conf (browser host); in memory when left out (tests). */
  settings?: Settings;
  /** The OS keychain (keytar); in memory when left out (tests). Secrets go nowhere else. */
  secrets?: SecretStore;
}

export interface AppServices {
  handlers: Handlers;
  /** The host tells the services how to reach the renderer(s). */
  setEmitter(emit: Emit): void;
  close(): Promise<void>;
}

/** Demo fleet size; FLEETDESK_DEMO_DEVICES changes it (e.g. 100000 to feel the scale). */
const DEMO_DEVICES = Number(process.env.FLEETDESK_DEMO_DEVICES ?? 1500);

/**
 * The composition root shared by the Electron main process and the browser
 * host: builds every service with its dependencies and the handler table.
 * Nothing here imports electron.
 */
export async function createServices(options: ServiceOptions): Promise<AppServices> {
  let emit: Emit = () => {};

  const settings = options.settings ?? memorySettings();
  const prefs = () => settings.preferences();
  for (const problem of settings.problems) options.log(`[settings] ${problem}`);
  // When fleetdesk saw or made each Telemetron assignment and Absolute user (the vendors keep no times).
  const history = new CustodyHistory(join(options.dataDir, 'custody'), options.log);

  // The cache opens first (fast, no network), so the app is useful before any sync answers.
  const store = new FleetStore(join(options.dataDir, 'cache'), { log: options.log });
  const connections: ConnectionRegistry = new ConnectionRegistry({
    settings,
    secrets: options.secrets ?? new MemorySecretStore(),
    // With no account saved, the app runs on the built-in demo fleet, served by local simulators.
    startDemo: async () => {
      const running = await startAllSimulators({ devices: DEMO_DEVICES });
      applyDemoFaults(running, process.env);
      return running;
    },
    // Telemetron cannot list customers: watch those seen in earlier syncs and those fleetdesk assigned devices to.
    seenCustomers: (id) => {
      const meta = store.slice(id)?.meta as { customers?: string[]; missingCustomers?: string[] } | undefined;
      const missing = new Set(meta?.missingCustomers ?? []);
      return [...new Set([...(meta?.customers ?? []).filter((c) => !missing.has(c)), ...history.knownWho(id)])];
    },
    fleet: {
      add: (infos) => {
        store.load(infos);
        emit('fleet:changed', { reason: 'connection added' });
      },
      sync: async (ids) => {
        for (const id of ids) {
          sync.cancel(id);
          await sync.idleOf(id);
          sync.start(id);
        }
      },
      remove: async (infos, purge) => {
        for (const { id } of infos) {
          sync.cancel(id);
          await sync.idleOf(id);
          sync.forget(id);
          store.removeSlice(id, purge);
        }
        emit('fleet:changed', { reason: 'connection removed' });
      },
    },
    changed: (reason) => {
      emit('connections:changed', { reason });
      emit('status:changed', status());
    },
    log: options.log,
  });
  await connections.start();
  store.load(connections.list());
  // Damaged saved data never stops the app: it says what happened and what it used instead.
  const notices = [...store.loadProblems];
  // A cache older than the custody history starts it: what it shows was seen at its sync.
  for (const c of connections.list()) {
    const slice = store.slice(c.id);
    if (slice?.asOf && !history.hasHistory(c.id)) recordSlice(history, c.id, c.vendor, slice.records, slice.asOf, slice.meta);
  }
  const queries = new FleetQueries(store);
  const groups = groupIndexOf(store);

  const status = (): ResultOf<'app:status'> => ({
    online: sync.online,
    syncing: sync.syncing,
    lastSyncAt: sync.lastSyncAt,
    freshness: store.freshness(),
    notices,
    liveCallsDisabled: connections.liveCallsDisabled(),
    staleAfterHours: prefs().staleAfterHours,
    destructiveThreshold: prefs().destructiveThreshold,
  });
  let reachedVendors = false;
  const sync: SyncService = new SyncService({
    store,
    sources: () => connections.sources(),
    emit: () => emit,
    onStatusChange: () => {
      // Reaching the vendors again (or for the first time since start) checks what waits in the outbox.
      const reachable = sync.online && sync.lastSyncAt !== null;
      if (reachable && !reachedVendors) void outbox.checkAll();
      reachedVendors = reachable;
      emit('status:changed', status());
    },
    log: options.log,
    onSliceSynced: (slice) => recordSlice(history, slice.connectionId, slice.vendor, slice.records, slice.asOf, slice.meta),
  });
  const scheduler = new SyncScheduler({ sync, intervalMinutes: () => prefs().syncIntervalMinutes });

  const ops = new OpsService({
    dataDir: options.dataDir,
    connectionLabel: (id) => connections.get(id)?.label ?? id,
    destructiveThreshold: () => prefs().destructiveThreshold,
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
      emit('ops:progress', { planId: run.runId, done: items.filter((i) => i.status !== 'pending' && i.status !== 'running').length, total: items.length, state: run.state, message: run.waiting ?? null });
    },
    custody: custodyPlanContext(store, () => prefs().staleAfterHours),
    readCustody: custodyReader(connections),
    onDraftChanged: () => emit('ops:draftChanged', { edits: ops.draft.edits().length }),
    // What changed at the vendors shows up in the fleet at once: the custody history first, then a sync.
    onFinished: (run) => {
      recordRun(history, run, new Date().toISOString());
      emit('fleet:changed', { reason: 'changes applied' });
      new Set(run.plan.steps.map((st) => st.connectionId)).forEach((id) => sync.start(id));
    },
  });
  notices.push(...ops.draft.problems, ...ops.outbox.problems);
  for (const notice of notices) options.log(`[startup] ${notice}`);

  const unenroll = unenrollHandlers({ dataDir: options.dataDir, store, queries, ops, connections, staleAfterHours: () => prefs().staleAfterHours, destructiveThreshold: () => prefs().destructiveThreshold });
  const outbox = outboxChecks({ ops, refreshUnenroll: (deviceKeys) => unenroll['unenroll:refresh']({ deviceKeys }), emit: () => emit });

  const handlers: Handlers = {
    ...appHandlers({
      info: () => ({ version: options.version, host: options.host, platform: process.platform, demo: connections.list().some((c) => c.demo) }),
      status,
      openExternal: options.openExternal,
    }),
    ...fleetHandlers({ store, queries, sync }),
    ...groupHandlers({ store, queries, ops, groups }),
    ...timelineHandlers({ store, history, connections }),
    ...ownershipHandlers({ store, ops, connections, history, online: () => sync.online }),
    ...unenroll,
    ...opsHandlers(ops),
    ...outbox.handlers,
    ...connectionHandlers({ connections, settings, sync }),
  };

  // Last, once every service exists: the first sync may finish (and touch the others) at any time.
  // Secrets are read after the window can open on the cache: a keychain prompt must not hold up the app.
  const unlocked = connections
    .unlock()
    .catch((err: unknown) => options.log(`[keychain] ${err instanceof Error ? err.message : String(err)}`))
    .then(() => scheduler.start(prefs().syncOnStart));

  return {
    handlers,
    setEmitter(next) {
      emit = next;
    },
    async close() {
      await unlocked;
      scheduler.stop();
      sync.cancel();
      await sync.idle();
      await store.flushDerived();
      await connections.close();
    },
  };
}
