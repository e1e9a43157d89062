import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { UnenrollReview } from '../../shared/ipc/channels/unenroll';
import { toAppError } from '../../shared/errors';
import type { Emit } from '../host/handler-types';
import type { OpsService } from '../ops/ops-service';

/**
 * Checks queued changes against the vendors: a queued plan for what changed
 * underneath, a queued unenroll by re-reading its devices from Absolute. It
 * runs when fleetdesk is back online and on request; it never sends a change,
 * it only records what it found so the user can decide.
 */
export function outboxChecks(deps: { ops: OpsService; refreshUnenroll: (deviceKeys: string[]) => Promise<UnenrollReview>; emit: () => Emit }) {
  const { ops } = deps;

  async function checkOne(id: string): Promise<void> {
    const item = ops.outbox.get(id);
    if (item?.kind === 'plan') return ops.checkQueuedPlan(id);
    if (item?.kind !== 'unenroll') return;
    const at = new Date().toISOString();
    try {
      const review = await deps.refreshUnenroll(item.deviceKeys);
      const eligible = review.rows.filter((r) => r.group === 'eligible').length;
      ops.outbox.recordCheck(id, { at, ok: true, message: `Re-read from Absolute: ${eligible} of ${item.deviceKeys.length} devices are predicted eligible now.` });
    } catch (err) {
      ops.outbox.recordCheck(id, { at, ok: false, message: `Could not check: ${toAppError(err).message}` });
    }
  }

  /** Checks every queued item, then tells the renderer, which asks the user for the go-ahead. */
  async function checkAll(): Promise<void> {
    const ids = ops.outboxView().map((o) => o.id);
    if (!ids.length) return;
    for (const id of ids) await checkOne(id);
    const n = ids.length;
    deps.emit()('ops:outboxChanged', { items: n, message: `Back online: ${n} queued ${n === 1 ? 'change was' : 'changes were'} checked against the vendors and ${n === 1 ? 'waits' : 'wait'} for your go-ahead in Activity.` });
  }

  return {
    checkAll,
    handlers: {
      'ops:outboxCheck': async ({ id }: ParsedRequestOf<'ops:outboxCheck'>) => {
        await checkOne(id);
        return { items: ops.outboxView() };
      },
    },
  };
}
