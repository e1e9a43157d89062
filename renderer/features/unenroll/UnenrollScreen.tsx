import { useEffect, useState } from 'react';
import type { UnenrollReview, UnenrollRun } from '../../../shared/ipc/channels/unenroll';
import type { AppError } from '../../../shared/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Spinner } from '../../components/Spinner';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useFollowRun } from '../review/use-follow-run';
import { useApp } from '../../state/app-store';
import { useSelection } from '../../state/selection-store';
import { ConfirmDialog } from './ConfirmDialog';
import { GROUP_INFO } from './groups';
import { ResultsView } from './ResultsView';
import { ReviewTable } from './ReviewTable';

const devices = (n: number) => `${n} ${n === 1 ? 'device' : 'devices'}`;

/** Which rows start checked: only those the cache predicts Absolute will accept. */
const defaultChecked = (review: UnenrollReview) => new Set(review.rows.filter((r) => r.deviceUid && GROUP_INFO[r.group].checked).map((r) => r.key));

/** Bulk unenroll: review predicted eligibility, confirm, send in checked batches, see what Absolute said. */
export function UnenrollScreen() {
  const basket = useSelection((s) => s.keys);
  const online = useApp((s) => s.status?.online ?? true);
  const threshold = useApp((s) => s.status?.destructiveThreshold ?? 25);
  const [review, setReview] = useState<UnenrollReview | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [paste, setPaste] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [run, setRun] = useState<UnenrollRun | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);

  const load = async (call: () => ReturnType<(typeof api)['unenroll:review']>, label: string) => {
    setBusy(label);
    const r = await call();
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    setReview(r.value);
    setChecked(defaultChecked(r.value));
  };

  const fromBasket = () => load(() => api['unenroll:review']({ deviceKeys: [...useSelection.getState().keys] }), 'Reviewing the basket…');
  useEffect(() => {
    if (useSelection.getState().keys.size) void fromBasket();
    // Only on opening the screen: later basket changes are picked up with the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useFollowRun(run?.runId, (id) => api['unenroll:run']({ runId: id }), setRun);

  const checkedRows = review?.rows.filter((r) => checked.has(r.key)) ?? [];
  // Each Absolute account is sent in its own run: the checked devices of the chosen account.
  const involved = review?.accounts.filter((a) => checkedRows.some((r) => r.connectionId === a.connectionId)) ?? [];
  const account = involved.find((a) => a.connectionId === accountId) ?? involved[0];
  const chosen = involved.length > 1 ? checkedRows.filter((r) => r.connectionId === account?.connectionId) : checkedRows;

  const send = async (typedCount: number | undefined) => {
    setConfirming(false);
    const r = await api['unenroll:start']({ deviceKeys: chosen.map((c) => c.key), typedCount, connectionId: account?.connectionId });
    if (!r.ok) return setError(r.error);
    const status = await api['unenroll:run']({ runId: r.value.runId });
    if (status.ok) setRun(status.value);
  };

  const queue = async () => {
    const r = await api['unenroll:queue']({ deviceKeys: checkedRows.map((c) => c.key) });
    if (!r.ok) return setError(r.error);
    toast(`Queued ${checkedRows.length} devices in the outbox. They are checked again before anything is sent.`, 'good');
  };

  const control = async (action: 'pause' | 'resume' | 'cancel' | 'retry-failed') => {
    if (!run) return;
    const r = await api['unenroll:control']({ runId: run.runId, action });
    if (r.ok) setRun(r.value);
    else toast(r.error.message, 'bad');
  };

  if (run)
    return (
      <section className="screen scroll">
        <ScreenHeader title="Unenroll results">
          <button className="btn" onClick={() => setRun(null)} disabled={run.state === 'running'}>
            New review
          </button>
        </ScreenHeader>
        <ResultsView run={run} onControl={(a) => void control(a)} />
      </section>
    );

  return (
    <section className="screen scroll">
      <ScreenHeader title="Unenroll">
        <button className="btn" disabled={!basket.size || !!busy} onClick={() => void fromBasket()}>
          Review basket ({basket.size})
        </button>
      </ScreenHeader>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <details className="paste-box" open={!review && !basket.size}>
        <summary>Paste serials, system names or ESNs</summary>
        <textarea rows={4} value={paste} onChange={(e) => setPaste(e.target.value)} placeholder="One per line, or comma / tab separated (straight from a spreadsheet)" aria-label="Devices to unenroll" />
        <button className="btn" disabled={!paste.trim() || !!busy} onClick={() => void load(() => api['unenroll:review']({ text: paste }), 'Matching the list…')}>
          Review pasted list
        </button>
      </details>
      {busy && <Spinner label={busy} />}
      {!review && !busy && <EmptyState title="Nothing to review yet">Select devices in Search (they go to the basket), or paste a list above. Nothing is sent until you confirm.</EmptyState>}
      {review && (
        <>
          {review.notFound.length > 0 && (
            <div className="banner banner-warn" role="status">
              <div className="banner-text">
                <strong>{review.notFound.length} pasted entries matched no device</strong> and are not part of this review:
                <div className="not-found mono">{review.notFound.join(', ')}</div>
              </div>
            </div>
          )}
          <div className="toolbar">
            <span>
              {review.rows.length} devices reviewed · <strong>{checkedRows.length} checked</strong>
            </span>
            {involved.length > 1 && (
              <label className="field inline" title="Each Absolute account is sent in its own run, one after the other.">
                {involved.length} accounts — send to
                <select aria-label="Absolute account to send to" value={account?.connectionId} onChange={(e) => setAccountId(e.target.value)}>
                  {involved.map((a) => (
                    <option key={a.connectionId} value={a.connectionId}>
                      {a.label} ({a.region}): {devices(checkedRows.filter((r) => r.connectionId === a.connectionId).length)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <span className="spacer" />
            <button className="btn" disabled={!online || !!busy || !review.rows.some((r) => r.deviceUid)} onClick={() => void load(() => api['unenroll:refresh']({ deviceKeys: review.rows.map((r) => r.key) }), 'Reading these devices from Absolute…')} title={online ? 'Re-read just these devices from Absolute so the prediction is current' : 'Offline'}>
              Refresh from Absolute
            </button>
            {online ? (
              <button className="btn btn-danger" disabled={!chosen.length || !account} onClick={() => setConfirming(true)}>
                Unenroll {devices(chosen.length)}
                {involved.length > 1 && account ? ` from ${account.label}` : ''}…
              </button>
            ) : (
              <button className="btn btn-primary" disabled={!checkedRows.length} onClick={() => void queue()}>
                Queue {checkedRows.length} in outbox
              </button>
            )}
          </div>
          <ReviewTable
            rows={review.rows}
            accounts={review.accounts.length > 1 ? review.accounts : null}
            checked={checked}
            onToggle={(keys, on) =>
              setChecked((prev) => {
                const next = new Set(prev);
                for (const k of keys) {
                  if (on) next.add(k);
                  else next.delete(k);
                }
                return next;
              })
            }
          />
          <ConfirmDialog open={confirming} count={chosen.length} account={account ? `${account.label} (${account.region})` : ''} threshold={threshold} onCancel={() => setConfirming(false)} onConfirm={(t) => void send(t)} />
        </>
      )}
    </section>
  );
}
