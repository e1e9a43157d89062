import { useCallback, useEffect, useState } from 'react';
import type { OutboxItemView } from '../../../shared/ipc/channels/ops';
import { RelativeTime } from '../../components/RelativeTime';
import { toast } from '../../components/Toasts';
import { api, onEvent } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useSelection } from '../../state/selection-store';
import { ReviewDialog } from '../review/ReviewDialog';

/**
 * Changes queued for later (prepared offline, or queued on purpose). Each is
 * checked against the vendors when fleetdesk is back online, and nothing is
 * sent until the technician reviews it and says go.
 */
export function OutboxPanel() {
  const online = useApp((s) => s.status?.online ?? true);
  const [items, setItems] = useState<OutboxItemView[]>([]);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState<string | null>(null);
  const [checking, setChecking] = useState<string | null>(null);

  const reload = useCallback(() => void api['ops:outbox']({}).then((r) => r.ok && setItems(r.value.items)), []);
  useEffect(() => {
    reload();
    const offs = [onEvent('ops:outboxChanged', reload), onEvent('ops:draftChanged', reload)];
    return () => offs.forEach((off) => off());
  }, [reload]);

  const answer = (r: Awaited<ReturnType<(typeof api)['ops:outbox']>>) => (r.ok ? setItems(r.value.items) : toast(r.error.message, 'bad'));
  const remove = async (id: string, discardEdits: boolean) => {
    answer(await api['ops:outboxRemove']({ id, discardEdits }));
    setConfirmDiscard(null);
  };
  const check = async (id: string) => {
    setChecking(id);
    answer(await api['ops:outboxCheck']({ id }));
    setChecking(null);
  };
  const reviewUnenroll = async (item: OutboxItemView) => {
    const r = await api['ops:outboxRemove']({ id: item.id, discardEdits: false });
    if (!r.ok) return toast(r.error.message, 'bad');
    // Back to the unenroll review with these devices in the basket: predicted again before anything is sent.
    useSelection.getState().replace(item.deviceKeys);
    useApp.getState().go('unenroll');
  };

  const offlineTitle = online ? undefined : 'fleetdesk is offline: this waits until the vendors can be reached';
  // One tree shape with or without items, so the review stays mounted when applying removes its item.
  const dialog = reviewing && (
    <ReviewDialog
      outboxId={reviewing}
      onClose={() => {
        setReviewing(null);
        reload();
      }}
    />
  );
  return (
    <>
      {items.length > 0 && (
        <section className="panel" aria-label="Outbox">
          <div className="panel-header">
            <strong>Outbox</strong>
            <span className="muted">Queued changes are checked against the vendors when fleetdesk is back online, and wait for your go-ahead.</span>
          </div>
          <ul className="panel-body outbox">
            {items.map((o) => (
              <li key={o.id} className="outbox-item">
                <div className="outbox-text">
                  <strong>{o.summary}</strong>
                  <span className="muted">
                    {' '}
                    · {o.size} {o.kind === 'plan' ? (o.size === 1 ? 'change' : 'changes') : o.size === 1 ? 'device' : 'devices'} · queued <RelativeTime iso={o.createdAt} />
                  </span>
                  <div className={o.check ? (o.check.ok ? 'outbox-check ok' : 'outbox-check changed') : 'outbox-check muted'} data-testid="outbox-check">
                    {o.check ? (
                      <>
                        Checked <RelativeTime iso={o.check.at} />: {o.check.message}
                      </>
                    ) : (
                      'Not checked against the vendors yet.'
                    )}
                  </div>
                </div>
                <div className="toolbar">
                  {confirmDiscard === o.id ? (
                    <>
                      <span>Discard these {o.size} staged changes?</span>
                      <button className="btn btn-small btn-danger" onClick={() => void remove(o.id, true)}>
                        Discard
                      </button>
                      <button className="btn btn-small" onClick={() => setConfirmDiscard(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <>
                      <button className="btn btn-small" disabled={!online || checking === o.id} title={offlineTitle} onClick={() => void check(o.id)}>
                        {checking === o.id ? 'Checking…' : 'Check now'}
                      </button>
                      {o.kind === 'plan' ? (
                        <>
                          <button className="btn btn-small" title="Take it out of the outbox; its changes stay staged on their screen" onClick={() => void remove(o.id, false)}>
                            Back to draft
                          </button>
                          <button className="btn btn-small" onClick={() => setConfirmDiscard(o.id)}>
                            Discard…
                          </button>
                          <button className="btn btn-small btn-primary" disabled={!online} title={offlineTitle} onClick={() => setReviewing(o.id)}>
                            Review & apply…
                          </button>
                        </>
                      ) : (
                        <>
                          <button className="btn btn-small" onClick={() => void remove(o.id, false)}>
                            Remove
                          </button>
                          <button className="btn btn-small btn-primary" disabled={!online} title={offlineTitle} onClick={() => void reviewUnenroll(o)}>
                            Review now
                          </button>
                        </>
                      )}
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {dialog}
    </>
  );
}
