import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { demoConnections } from '../../../electron/connections/demo-connections';
import { CustodyHistory } from '../../../electron/custody/custody-history';
import { recordRun, recordSlice } from '../../../electron/custody/record-custody';
import { FleetStore } from '../../../electron/fleet/fleet-store';
import { OpsService } from '../../../electron/ops/ops-service';
import type { RunState } from '../../../electron/ops/run-state';
import { custodyPlanContext, custodyReader } from '../../../electron/ownership/custody-deps';
import { ownershipStaging } from '../../../electron/ownership/ownership-staging';
import { SyncService } from '../../../electron/sync/sync-service';
import { startAllSimulators } from '../../../electron/vendors/demo-fleet/start-all';
import type { RunView } from '../../../shared/ipc/channels/ops';

/**
 * The app's ownership path, wired the way the composition root wires it, on
 * the demo fleet served by the real simulators over HTTP: sync into the
 * store and the custody history, stage, plan, check, apply, follow up.
 */
export async function startOwnershipHarness(devices = 60) {
  const running = await startAllSimulators({ devices, seed: 1 });
  const dataDir = mkdtempSync(join(tmpdir(), 'ownership-'));
  const history = new CustodyHistory(join(dataDir, 'custody'));
  const connections = demoConnections(running, (id) => history.knownWho(id));
  const store = new FleetStore(join(dataDir, 'cache'));
  store.load(connections.list());
  const sync = new SyncService({
    store,
    sources: () => connections.sources(),
    emit: () => () => {},
    onStatusChange: () => {},
    onSliceSynced: (s) => recordSlice(history, s.connectionId, s.vendor, s.records, s.asOf, s.meta),
  });
  let waiting: Array<(r: RunState) => void> = [];
  const ops = new OpsService({
    dataDir,
    destructiveThreshold: () => 25,
    executorFor: (id) => connections.executorFor(id),
    groupMembers: () => [],
    currentMembers: async () => [],
    custody: custodyPlanContext(store, () => 24),
    readCustody: custodyReader(connections),
    onProgress: () => {},
    onDraftChanged: () => {},
    onFinished: (run) => {
      recordRun(history, run, new Date().toISOString());
      const w = waiting;
      waiting = [];
      w.forEach((f) => f(run));
    },
  });
  const staging = ownershipStaging({ store, ops, connections, online: () => sync.online });
  const refresh = async () => {
    sync.start();
    await sync.idle();
  };
  await refresh();

  const untilFinished = () => new Promise<RunState>((resolve) => waiting.push(resolve));
  /** Plans the staged edits of these kinds, checks them, applies, waits for the end and re-syncs. */
  const applyStaged = async (kinds: string[], onConflicts?: (planId: string, conflicts: Awaited<ReturnType<OpsService['check']>>) => void) => {
    const plan = ops.plan({ kinds });
    const conflicts = await ops.check(plan.planId);
    onConflicts?.(plan.planId, conflicts);
    const end = untilFinished();
    ops.apply(plan.planId, plan.requiresTypedCount ? plan.destructive : undefined);
    const run = ops.runView((await end).runId);
    await refresh();
    return { plan, conflicts, run };
  };
  const followUp = async (runId: string, stepIds: string[], action: 'finish' | 'rollback'): Promise<RunView> => {
    const end = untilFinished();
    ops.followUp(runId, stepIds, action);
    const run = ops.runView((await end).runId);
    await refresh();
    return run;
  };

  const tel = running.sims.telemetron.state;
  const ins = running.sims.insiders.state;
  /** Customers Telemetron has the device with, read from the simulator's live state. */
  const customersAtVendor = (identifier: string) => [...tel.customersByEmail.values()].filter((c) => c.devices.includes(identifier)).map((c) => c.email).sort();

  /** A customer with at least `n` devices assigned to it alone (and not to `other`), and those devices. */
  const customerWith = (n: number, exclude: string[] = []) => {
    for (const c of running.fleet.telemetron.customers) {
      if (exclude.includes(c.email)) continue;
      const only = c.devices.filter((d) => customersAtVendor(d).length === 1 && store.device(`serial:${d}`));
      if (only.length >= n) return { email: c.email, devices: only.slice(0, n) };
    }
    throw new Error(`no demo customer with ${n} devices of its own`);
  };

  return {
    running,
    store,
    history,
    ops,
    staging,
    tel,
    ins,
    applyStaged,
    followUp,
    untilFinished,
    refresh,
    customersAtVendor,
    customerWith,
    key: (serial: string) => `serial:${serial}`,
    close: async () => {
      sync.cancel();
      await sync.idle();
      await running.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startOwnershipHarness>>;

/** Every item of a run, flattened, as `[label, status]`. */
export const outcomes = (run: RunView) => run.steps.flatMap((s) => s.items.map((i) => [i.label, i.status]));

export function expectStaged(r: { staged: number; skipped: Array<{ reason: string }> }, staged: number) {
  expect(r.skipped).toEqual([]);
  expect(r.staged).toBe(staged);
}
