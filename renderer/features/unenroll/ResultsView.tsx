import type { UnenrollRun } from '../../../shared/ipc/channels/unenroll';
import { Badge } from '../../components/Badge';
import { RunControls } from '../../components/RunControls';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';

const STATUS_TEXT = { 0: 'eligible (0)', 1: 'inactive/disabled (1)', 2: 'stolen (2)' } as const;
const RESULT_TONE = { done: 'good', refused: 'warn', failed: 'bad', unknown: 'bad', pending: 'neutral', skipped: 'neutral' } as const;

async function saveReceipt(runId: string, format: 'csv' | 'json') {
  const r = await api['unenroll:receipt']({ runId, format });
  if (!r.ok) return toast(r.error.message, 'bad');
  const url = URL.createObjectURL(new Blob([r.value.content], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: r.value.filename });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Progress while sending, then per device what Absolute said next to the prediction. */
export function ResultsView({ run, onControl }: { run: UnenrollRun; onControl: (action: 'pause' | 'resume' | 'cancel' | 'retry-failed') => void }) {
  const done = run.batches.filter((b) => b.status !== 'pending' && b.status !== 'sending').length;
  const count = (result: string) => run.rows.filter((r) => r.result === result).length;
  const mismatches = run.rows.filter((r) => r.mismatch).length;
  const failedBatches = run.batches.filter((b) => b.status === 'failed').length;
  return (
    <div className="unenroll-results">
      <div className="toolbar">
        <strong>
          {run.state === 'running' ? 'Sending…' : run.state === 'paused' ? 'Paused' : run.state === 'cancelled' ? 'Cancelled' : run.state === 'interrupted' ? 'Interrupted' : 'Finished'}
        </strong>
        <span className="muted">
          batch {done} of {run.batches.length} · account {run.account.label} ({run.account.region})
        </span>
        <span className="spacer" />
        <RunControls state={run.state} failed={failedBatches} unknown={0} onControl={(a) => a !== 'recheck-unknown' && onControl(a)} />
        <button className="btn" onClick={() => void saveReceipt(run.runId, 'csv')}>
          Export CSV
        </button>
        <button className="btn" onClick={() => void saveReceipt(run.runId, 'json')}>
          Export JSON
        </button>
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={run.batches.length} aria-valuenow={done}>
        <div style={{ width: `${(done / Math.max(1, run.batches.length)) * 100}%` }} />
      </div>
      {run.waiting && (
        <p className="banner banner-warn" role="status">
          {run.waiting}
        </p>
      )}
      <p data-testid="unenroll-summary">
        <Badge tone="good">{count('done')} unenrolled</Badge> <Badge tone="warn">{count('refused')} refused</Badge> <Badge tone="bad">{count('failed')} failed</Badge>{' '}
        <Badge tone="bad">{count('unknown')} outcome unknown</Badge> <Badge tone="neutral">{count('pending') + count('skipped')} not sent</Badge>{' '}
        {mismatches > 0 && <Badge tone="warn">{mismatches} differ from the prediction</Badge>}
      </p>
      {run.batches
        .filter((b) => b.reason)
        .map((b) => (
          <div key={b.index} className={`banner ${b.status === 'unknown' ? 'banner-error' : 'banner-warn'}`}>
            Batch {b.index + 1} ({b.size} devices{b.sentAt ? `, sent ${new Date(b.sentAt).toLocaleTimeString()}` : ''}): {b.reason}
          </div>
        ))}
      <table className="plain">
        <thead>
          <tr>
            <th>Device</th>
            <th>Serial</th>
            <th>ESN</th>
            <th>Predicted</th>
            <th>Absolute said</th>
            <th>Result</th>
            <th>Batch</th>
            <th>Answered</th>
          </tr>
        </thead>
        <tbody>
          {run.rows.map((r) => (
            <tr key={r.key} className={r.mismatch ? 'row-mismatch' : ''}>
              <td>{r.name}</td>
              <td className="mono">{r.serial ?? '—'}</td>
              <td className="mono">{r.esn ?? '—'}</td>
              <td>{r.predicted === null ? '—' : STATUS_TEXT[r.predicted]}</td>
              <td>{r.eligibleStatus === null ? <span className="muted">—</span> : STATUS_TEXT[r.eligibleStatus]}</td>
              <td>
                <Badge tone={RESULT_TONE[r.result]}>{r.result === 'unknown' ? 'outcome unknown' : r.result}</Badge>
                {r.reason && <div className="muted">{r.reason}</div>}
              </td>
              <td>{r.batch + 1}</td>
              <td className="muted">{r.at ? new Date(r.at).toLocaleTimeString() : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
