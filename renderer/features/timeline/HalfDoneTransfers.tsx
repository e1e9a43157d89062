import { useCallback, useEffect, useState } from 'react';
import type { RunView } from '../../../shared/ipc/channels/ops';
import type { ResultOf } from '../../../shared/ipc/contract';
import { Dialog } from '../../components/Dialog';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { RunProgress } from '../review/RunProgress';
import { useFollowRun } from '../review/use-follow-run';

type Item = ResultOf<'ops:halfDone'>['items'][number];

/**
 * Transfers left half done by earlier runs (unassigned from the old customer,
 * not yet assigned to the new one), with the same two ways out as in the
 * results: they stay here until finished or rolled back.
 */
export function HalfDoneTransfers({ onOpen }: { onOpen: (deviceKey: string) => void }) {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [items, setItems] = useState<Item[]>([]);
  const [run, setRun] = useState<RunView | null>(null);
  const reload = useCallback(() => void api['ops:halfDone']({}).then((r) => r.ok && setItems(r.value.items)), []);
  useEffect(reload, [reload, fleetVersion]);
  useFollowRun(run?.runId, (id) => api['ops:run']({ runId: id }), setRun);

  const followUp = async (item: Item, action: 'finish' | 'rollback') => {
    const r = await api['ops:followUp']({ runId: item.runId, stepIds: [item.stepId], action });
    if (!r.ok) return toast(r.error.message, 'bad');
    const first = await api['ops:run']({ runId: r.value.runId });
    if (first.ok) setRun(first.value);
    reload();
  };

  if (!items.length && !run) return null;
  return (
    <>
      {items.length > 0 && (
        <section className="banner banner-warn half-done-list" aria-label="Half-done transfers">
          <div className="banner-text">
            <strong>
              {items.length} {items.length === 1 ? 'transfer is' : 'transfers are'} half done
            </strong>{' '}
            — unassigned from the old customer, not yet assigned to the new one.
            <ul>
              {items.map((i) => (
                <li key={`${i.runId} ${i.stepId}`}>
                  <button className="btn btn-ghost btn-small" onClick={() => onOpen(i.deviceKey)}>
                    {i.device}
                  </button>{' '}
                  from <strong>{i.from}</strong> to <strong>{i.to}</strong>{' '}
                  <button className="btn btn-small btn-primary" onClick={() => void followUp(i, 'finish')}>
                    Finish (assign to {i.to})
                  </button>{' '}
                  <button className="btn btn-small" onClick={() => void followUp(i, 'rollback')}>
                    Roll back (assign to {i.from} again)
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      {run && (
        <Dialog title="Half-done transfer" open onClose={() => setRun(null)} footer={<button className="btn" onClick={() => setRun(null)} disabled={run.state === 'running'}>Close</button>}>
          <RunProgress run={run} onControl={(action) => void api['ops:control']({ runId: run.runId, action }).then((r) => (r.ok ? setRun(r.value) : toast(r.error.message, 'bad')))} />
        </Dialog>
      )}
    </>
  );
}
