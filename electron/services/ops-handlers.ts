import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { toRunView, type OpsService } from '../ops/ops-service';

/** The change engine's channels: draft, plan review, apply and runs, outbox, activity log. */
export function opsHandlers(ops: OpsService) {
  return {
    'ops:draft': async () => ops.draftView(),
    'ops:undo': async () => {
      ops.draft.undo();
      return ops.draftView();
    },
    'ops:redo': async () => {
      ops.draft.redo();
      return ops.draftView();
    },
    'ops:discard': async ({ ids }: ParsedRequestOf<'ops:discard'>) => {
      ops.draft.discard(ids);
      return ops.draftView();
    },
    'ops:plan': async ({ kinds, outboxId }: ParsedRequestOf<'ops:plan'>) => ops.plan({ kinds, outboxId }),
    'ops:resolveEmptyGroup': async ({ planId, group, choice }: ParsedRequestOf<'ops:resolveEmptyGroup'>) => ops.resolveEmptyGroup(planId, group, choice),
    'ops:check': async ({ planId }: ParsedRequestOf<'ops:check'>) => ({ conflicts: await ops.check(planId) }),
    'ops:resolve': async ({ planId, conflictId, choice }: ParsedRequestOf<'ops:resolve'>) => ({ conflicts: ops.resolve(planId, conflictId, choice) }),
    'ops:apply': async ({ planId, typedCount }: ParsedRequestOf<'ops:apply'>) => ({ runId: ops.apply(planId, typedCount) }),
    'ops:queue': async ({ planId }: ParsedRequestOf<'ops:queue'>) => ({ outboxId: ops.queue(planId) }),
    'ops:run': async ({ runId }: ParsedRequestOf<'ops:run'>) => ops.runView(runId),
    'ops:followUp': async ({ runId, stepIds, action }: ParsedRequestOf<'ops:followUp'>) => ({ runId: ops.followUp(runId, stepIds, action) }),
    'ops:halfDone': async () => ({ items: ops.halfDone() }),
    'ops:control': async ({ runId, action }: ParsedRequestOf<'ops:control'>) => ops.control(runId, action),
    'ops:recovery': async () => ({ runs: ops.engine.interrupted().map(toRunView) }),
    'ops:outbox': async () => ({ items: ops.outboxView() }),
    'ops:outboxRemove': async ({ id, discardEdits }: ParsedRequestOf<'ops:outboxRemove'>) => ({ items: ops.removeFromOutbox(id, discardEdits) }),
    'activity:list': async (filter: ParsedRequestOf<'activity:list'>) => {
      const all = ops.activity.all(filter);
      return { entries: all.slice(0, 500), total: all.length };
    },
    'activity:export': async ({ format, filter }: ParsedRequestOf<'activity:export'>) => {
      const stamp = new Date().toISOString().slice(0, 10);
      return format === 'csv'
        ? { filename: `fleetdesk-activity-${stamp}.csv`, content: ops.activity.exportCsv(filter) }
        : { filename: `fleetdesk-activity-${stamp}.json`, content: JSON.stringify(ops.activity.all(filter), null, 2) };
    },
  };
}
