import type { RunView } from '../../../shared/ipc/channels/ops';
import { Badge } from '../../components/Badge';
import { RunControls } from '../../components/RunControls';

const TONE = { pending: 'neutral', running: 'info', done: 'good', failed: 'bad', skipped: 'neutral', unknown: 'warn' } as const;
const WORD = { pending: 'not started', running: 'sending', done: 'done', failed: 'failed', skipped: 'skipped', unknown: 'outcome unknown' } as const;

/** A run's progress and, per call and per item, what happened and why. */
export function RunProgress({ run, onControl }: { run: RunView; onControl: (a: 'pause' | 'resume' | 'cancel' | 'retry-failed' | 'recheck-unknown') => void }) {
  const items = run.steps.flatMap((s) => s.items);
  const count = (st: string) => items.filter((i) => i.status === st).length;
  const finished = items.filter((i) => i.status !== 'pending' && i.status !== 'running').length;
  return (
    <div className="run-progress">
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
      <p>
        <Badge tone="good">{count('done')} done</Badge> <Badge tone="bad">{count('failed')} failed</Badge> <Badge tone="warn">{count('unknown')} unknown</Badge> <Badge tone="neutral">{count('pending') + count('skipped')} not sent</Badge>
      </p>
      <ul className="run-steps">
        {run.steps.map((s) => (
          <li key={s.id}>
            <div>
              <Badge tone={TONE[s.status]}>{WORD[s.status]}</Badge> {s.label}
              {s.reason && <span className="muted"> — {s.reason}</span>}
            </div>
            {s.items.length > 1 && (
              <ul>
                {s.items
                  .filter((i) => i.status !== 'done' || s.status !== 'done')
                  .map((i, k) => (
                    <li key={k}>
                      <Badge tone={TONE[i.status]}>{WORD[i.status]}</Badge> {i.label}
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
