import { join } from 'node:path';
import type { ResultOf } from '../../shared/ipc/contract';
import { FleetQueries } from '../fleet/fleet-queries';
import { FleetStore } from '../fleet/fleet-store';
import type { Emit, Handlers } from '../host/handler-types';
import { SyncScheduler } from '../sync/sync-scheduler';
import { SyncService } from '../sync/sync-service';
import { groupStaging } from '../groups/group-staging';
import { absoluteExecutor, algosecExecutor } from '../ops/executors';
import { OpsService, toRunView } from '../ops/ops-service';
import { buildUnenrollReview } from '../unenroll/review';
import { UnenrollRuns } from '../unenroll/unenroll-runs';
import { startAllSimulators } from '../vendors/demo-fleet/start-all';
import { custodyIssues, custodyTimeline } from '../../shared/timeline/custody';
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
  const executors = new Map([
    ['demo-absolute', absoluteExecutor(demo.clients.absolute)],
    ['demo-algosec', algosecExecutor(demo.clients.algosec)],
  ]);
  const ops = new OpsService({
    dataDir: options.dataDir,
    destructiveThreshold: () => DESTRUCTIVE_THRESHOLD,
    executorFor: (id) => executors.get(id) ?? null,
    groupMembers: (connectionId, group) => groups.index().membersOf(connectionId, group).map((i) => store.devices[i]!.algosec!.displayName),
    currentMembers: async (_connectionId, group, devices) => (await demo.clients.algosec.groupsOfDevices(devices)).find((g) => g.displayName === group)?.members ?? [],
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
  const staging = groupStaging(store, ops);
  const unenrollRuns = new UnenrollRuns(ops.engine, () => DESTRUCTIVE_THRESHOLD);
  const absoluteAccounts = () => demo.connections.filter((c) => c.vendor === 'absolute').map((c) => ({ connectionId: c.id, label: c.label, region: c.region ?? '' }));
  const review = (deviceKeys: string[], text: string) => buildUnenrollReview({ store, queries, accounts: absoluteAccounts, staleAfterHours: () => STALE_AFTER_HOURS }, { deviceKeys, text });

  // Custody issues of the whole fleet, computed once per fleet version.
  let issuesFor = -1;
  let issueRows: ResultOf<'timeline:issues'>['rows'] = [];
  const fleetIssues = () => {
    if (issuesFor !== store.generation) {
      const now = Date.now();
      issueRows = [];
      for (const d of store.devices) {
        const issues = custodyIssues(d, now);
        if (issues.length) issueRows.push({ key: d.key, name: d.name, serial: d.serial, issues, detail: issues.join(', ') });
      }
      issuesFor = store.generation;
    }
    return issueRows;
  };

  const handlers: Handlers = {
    'timeline:device': async ({ key }) => {
      const d = store.device(key);
      if (!d) return null;
      return { key, name: d.name, serial: d.serial, ...custodyTimeline(d, (id) => (id ? (store.slice(id)?.asOf ?? null) : null), Date.now()) };
    },
    'timeline:issues': async ({ kinds }) => {
      const rows = kinds ? fleetIssues().filter((r) => r.issues.some((i) => kinds.includes(i))) : fleetIssues();
      return { rows: rows.slice(0, 1000), total: rows.length };
    },
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
    'unenroll:start': async ({ deviceKeys, typedCount }) => {
      const account = absoluteAccounts()[0]!;
      return { runId: unenrollRuns.start(review(deviceKeys, '').rows, account, typedCount) };
    },
    'unenroll:queue': async ({ deviceKeys }) => ({ outboxId: ops.queueUnenroll(`Unenroll ${deviceKeys.length} devices from Absolute (prepared offline)`, deviceKeys) }),
    'unenroll:run': async ({ runId }) => unenrollRuns.view(runId),
    'unenroll:control': async ({ runId, action }) => {
      const next = await ops.control(runId, action);
      unenrollRuns.follow(runId, next.runId);
      return unenrollRuns.view(next.runId);
    },
    'unenroll:receipt': async ({ runId, format }) => unenrollRuns.receipt(runId, format),
    'groups:stage': async (req) => staging.stage(req),
    'groups:create': async (req) => staging.create(req),
    'groups:delete': async (req) => staging.remove(req),
    'ops:draft': async () => ops.draftView(),
    'ops:undo': async () => {
      ops.draft.undo();
      return ops.draftView();
    },
    'ops:redo': async () => {
      ops.draft.redo();
      return ops.draftView();
    },
    'ops:discard': async ({ ids }) => {
      ops.draft.discard(ids);
      return ops.draftView();
    },
    'ops:plan': async ({ kinds }) => ops.plan(kinds),
    'ops:resolveEmptyGroup': async ({ planId, group, choice }) => ops.resolveEmptyGroup(planId, group, choice),
    'ops:check': async ({ planId }) => ({ conflicts: await ops.check(planId) }),
    'ops:resolve': async ({ planId, conflictId, choice }) => ({ conflicts: ops.resolve(planId, conflictId, choice) }),
    'ops:apply': async ({ planId, typedCount }) => ({ runId: ops.apply(planId, typedCount) }),
    'ops:queue': async ({ planId }) => ({ outboxId: ops.queue(planId) }),
    'ops:run': async ({ runId }) => ops.runView(runId),
    'ops:control': async ({ runId, action }) => ops.control(runId, action),
    'ops:recovery': async () => ({ runs: ops.engine.interrupted().map(toRunView) }),
    'ops:outbox': async () => ({ items: ops.outbox() }),
    'ops:outboxRemove': async ({ id }) => ({ items: ops.removeFromOutbox(id) }),
    'activity:list': async (filter) => {
      const all = ops.activity.all(filter);
      return { entries: all.slice(0, 500), total: all.length };
    },
    'activity:export': async ({ format, filter }) => {
      const stamp = new Date().toISOString().slice(0, 10);
      return format === 'csv' ? { filename: `fleetdesk-activity-${stamp}.csv`, content: ops.activity.exportCsv(filter) } : { filename: `fleetdesk-activity-${stamp}.json`, content: JSON.stringify(ops.activity.all(filter), null, 2) };
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
