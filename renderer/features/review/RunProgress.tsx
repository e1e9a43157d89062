import type { RunView } from '../../../shared/ipc/channels/ops';
import { Badge } from '../../components/Badge';
import { RunControls } from '../../components/RunControls';
import { STATUS_TONE, STATUS_WORD } from './item-status';
import './review.css';

type FollowUp = (stepIds: string[], action: 'finish' | 'rollback') => void;

/** One half-done transfer: what state it is in, and the two ways out. */
function HalfDone({ from, to, onFollowUp }: { from: string; to: string; onFollowUp: (action: 'finish' | 'rollback') => void }) {
  return (
    <div className="half-done" role="group" aria-label="Half-done transfer">
      <span>
        Unassigned from <strong>{from}</strong>, not yet assigned to <strong>{to}</strong>.
      </span>
      <button className="btn btn-small btn-primary" onClick={() => onFollowUp('finish')}>
        Finish (assign to {to})
      </button>
      <button className="btn btn-small" onClick={() => onFollowUp('rollback')}>
        Roll back (assign to {from} again)
      </button>
    </div>
  );
}

/** A run's progress and, per call and per item, what happened and why; half-done transfers can be finished or rolled back. */
export function RunProgress({ run, onControl, onFollowUp }: { run: RunView; onControl: (a: 'pause' | 'resume' | 'cancel' | 'retry-failed' | 'recheck-unknown') => void; onFollowUp?: FollowUp }) {
  const items = run.steps.flatMap((s) => s.items);
  const count = (st: string) => items.filter((i) => i.status === st).length;
  const finished = items.filter((i) => i.status !== 'pending' && i.status !== 'running').length;
  const active = run.state === 'running' || run.state === 'paused';
  const halfDone = run.steps.filter((s) => s.items.some((i) => i.halfDone));
  return (
    <div className="run-progress">
      <p className="muted">{run.summary}</p>
      <div className="toolbar">
        <strong data-testid="run-state">{{ running: 'Applying…', paused: 'Paused', cancelled: 'Cancelled', finished: 'Finished', interrupted: 'Interrupted' }[run.state]}</strong>
        <span className="muted">
          {finished} of {items.length} items
        </span>
        <span className="spacer" />
        <RunControls state={run.state} failed={count('failed')} unknown={count('unknown')} onControl={onControl} />
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={items.length} aria-valuenow={finished}>
        <div style={{ width: `${(finished / Math.max(1, items.length)) * 100}%` }} />
      </div>
      {run.waiting && (
        <p className="banner banner-warn" role="status" data-testid="run-waiting">
          {run.waiting}
        </p>
      )}
      <p>
        <Badge tone="good">{count('done')} done</Badge> <Badge tone="bad">{count('failed')} failed</Badge> <Badge tone="warn">{count('unknown')} unknown</Badge>{' '}
        {count('partial') > 0 && <Badge tone="warn">{count('partial')} half done</Badge>} <Badge tone="neutral">{count('pending') + count('skipped')} not sent</Badge>
      </p>
      {!active && halfDone.length > 1 && onFollowUp && (
        <div className="banner banner-warn" role="alert">
          <span className="banner-text">{halfDone.length} transfers are half done: each device is unassigned from its old customer and not yet assigned to the new one.</span>
          <button className="btn btn-small btn-primary" onClick={() => onFollowUp(halfDone.map((s) => s.id), 'finish')}>
            Finish all {halfDone.length}
          </button>
          <button className="btn btn-small" onClick={() => onFollowUp(halfDone.map((s) => s.id), 'rollback')}>
            Roll back all {halfDone.length}
          </button>
        </div>
      )}
      <ul className="run-steps" aria-label="Results">
        {run.steps.map((s) => (
          <li key={s.id} className={s.status === 'partial' ? 'step-partial' : undefined}>
            <div>
              <Badge tone={STATUS_TONE[s.status]}>{STATUS_WORD[s.status]}</Badge> {s.label}
              {s.reason && <span className="muted"> — {s.reason}</span>}
            </div>
            {s.items.length === 1 && s.items[0]!.halfDone && onFollowUp && !active && <HalfDone {...s.items[0]!.halfDone} onFollowUp={(action) => onFollowUp([s.id], action)} />}
            {s.items.length > 1 && (
              <ul>
                {s.items
                  .filter((i) => i.status !== 'done' || s.status !== 'done')
                  .map((i, k) => (
                    <li key={k}>
                      <Badge tone={STATUS_TONE[i.status]}>{STATUS_WORD[i.status]}</Badge> {i.label}
                      {i.reason && <span className="muted"> — {i.reason}</span>}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
