import { join } from 'node:path';
import { appError, FleetError } from '../../shared/errors';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { Connections } from '../connections/connections';
import type { FleetQueries } from '../fleet/fleet-queries';
import type { FleetStore } from '../fleet/fleet-store';
import type { OpsService } from '../ops/ops-service';
import { buildUnenrollReview } from '../unenroll/review';
import { UnenrollRuns } from '../unenroll/unenroll-runs';

export interface UnenrollDeps {
  dataDir: string;
  store: FleetStore;
  queries: FleetQueries;
  ops: OpsService;
  connections: Connections;
  staleAfterHours: () => number;
  destructiveThreshold: () => number;
}

/** Bulk unenroll: review from the cache, refresh from Absolute, runs through the change engine, receipts. */
export function unenrollHandlers(deps: UnenrollDeps) {
  const { store, ops, connections } = deps;
  const runs = new UnenrollRuns(ops.engine, deps.destructiveThreshold, join(deps.dataDir, 'unenroll'));
  const accounts = () => connections.list().filter((c) => c.vendor === 'absolute').map((c) => ({ connectionId: c.id, label: c.label, region: c.region ?? '' }));
  const review = (deviceKeys: string[], text: string) => buildUnenrollReview({ store, queries: deps.queries, accounts, staleAfterHours: deps.staleAfterHours }, { deviceKeys, text });
  const absolute = (connectionId: string) => {
    const client = connections.client(connectionId, 'absolute');
    if (!client) throw new FleetError(appError('not-found', 'That Absolute account is not available: it was removed, or its credentials cannot be read.'));
    return client;
  };

  return {
    'unenroll:review': async ({ deviceKeys, text }: ParsedRequestOf<'unenroll:review'>) => review(deviceKeys, text),
    'unenroll:refresh': async ({ deviceKeys }: ParsedRequestOf<'unenroll:refresh'>) => {
      // Re-read just these devices from their Absolute account, then predict again from the fresh records.
      const byAccount = new Map<string, string[]>();
      for (const k of deviceKeys) {
        const a = store.device(k)?.absolute;
        if (a?.connectionId) byAccount.set(a.connectionId, [...(byAccount.get(a.connectionId) ?? []), a.deviceUid]);
      }
      for (const [connectionId, uids] of byAccount) {
        const fresh = await absolute(connectionId).getDevices(uids);
        store.patchRecords(connectionId, uids, fresh, (r) => r.deviceUid, new Date().toISOString());
      }
      return review(deviceKeys, '');
    },
    'unenroll:start': async ({ deviceKeys, typedCount, connectionId }: ParsedRequestOf<'unenroll:start'>) => {
      const rows = review(deviceKeys, '').rows;
      const involved = accounts().filter((a) => rows.some((r) => r.deviceUid && r.connectionId === a.connectionId));
      if (!involved.length) throw new FleetError(appError('bad-request', 'None of these devices is in a connected Absolute account.'));
      const account = connectionId ? involved.find((a) => a.connectionId === connectionId) : involved.length === 1 ? involved[0] : undefined;
      if (!account) {
        const counts = involved.map((a) => `${a.label}: ${rows.filter((r) => r.deviceUid && r.connectionId === a.connectionId).length}`).join(', ');
        throw new FleetError(
          appError('bad-request', connectionId ? 'None of these devices is in that Absolute account.' : `These devices are in ${involved.length} Absolute accounts (${counts}): send them one account at a time.`),
        );
      }
      return { runId: runs.start(rows, account, typedCount) };
    },
    'unenroll:queue': async ({ deviceKeys }: ParsedRequestOf<'unenroll:queue'>) => ({ outboxId: ops.queueUnenroll(`Unenroll ${deviceKeys.length} devices from Absolute (prepared offline)`, deviceKeys) }),
    'unenroll:run': async ({ runId }: ParsedRequestOf<'unenroll:run'>) => runs.view(runId),
    'unenroll:control': async ({ runId, action }: ParsedRequestOf<'unenroll:control'>) => {
      const next = await ops.control(runId, action);
      runs.follow(runId, next.runId);
      return runs.view(next.runId);
    },
    'unenroll:receipt': async ({ runId, format }: ParsedRequestOf<'unenroll:receipt'>) => runs.receipt(runId, format),
  };
}
