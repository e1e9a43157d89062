import { join } from 'node:path';
import type { ResultOf } from '../../shared/ipc/contract';
import { demoConnections } from '../connections/demo-connections';
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
  applyDemoFaults(simulators, process.env);
  // When fleetdesk saw or made each Telemetron assignment and Absolute user (the vendors keep no times).
  const history = new CustodyHistory(join(options.dataDir, 'custody'), options.log);
  const connections = demoConnections(simulators, (id) => history.knownWho(id));

  // The cache opens first (fast, no network), so the app is useful before any sync answers.
  const store = new FleetStore(join(options.dataDir, 'cache'));
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
    liveCallsDisabled: null,
    staleAfterHours: STALE_AFTER_HOURS,
    destructiveThreshold: DESTRUCTIVE_THRESHOLD,
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
  const scheduler = new SyncScheduler({ sync, intervalMinutes: () => SYNC_INTERVAL_MINUTES });

  const ops = new OpsService({
    dataDir: options.dataDir,
    connectionLabel: (id) => connections.get(id)?.label ?? id,
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
      emit('ops:progress', { planId: run.runId, done: items.filter((i) => i.status !== 'pending' && i.status !== 'running').length, total: items.length, state: run.state, message: run.waiting ?? null });
    },
    custody: custodyPlanContext(store, STALE_AFTER_HOURS),
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

  const unenroll = unenrollHandlers({ dataDir: options.dataDir, store, queries, ops, connections, staleAfterHours: () => STALE_AFTER_HOURS, destructiveThreshold: () => DESTRUCTIVE_THRESHOLD });
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
  };

  // Last, once every service exists: the first sync may finish (and touch the others) at any time.
  scheduler.start(true);

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
