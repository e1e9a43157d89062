import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { ConflictView, PlanView, RunView } from '../../../shared/ipc/channels/ops';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Spinner } from '../../components/Spinner';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useFollowRun } from './use-follow-run';
import { useApp } from '../../state/app-store';
import { ConflictTable } from './ConflictTable';
import { PlanSummary } from './PlanSummary';
import { RunProgress } from './RunProgress';

type Stage = 'plan' | 'checking' | 'conflicts' | 'run';

/**
 * Review and apply staged edits: the exact calls, warnings, a check that
 * nothing changed underneath, the typed count for big destructive plans, then
 * progress and per-item results.
 */
export function ReviewDialog({ kinds, outboxId, onClose }: { kinds?: string[]; outboxId?: string; onClose: () => void }) {
  const online = useApp((s) => s.status?.online ?? true);
  const [stage, setStage] = useState<Stage>('plan');
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [typed, setTyped] = useState('');
  const [run, setRun] = useState<RunView | null>(null);
  /** The run a finish / roll-back started from, to go back to once it is done. */
  const [origin, setOrigin] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api['ops:plan']({ kinds, outboxId }).then((r) => (r.ok ? setPlan(r.value) : setError(r.error)));
    // The plan is built once per opening; kinds and outboxId only change when the dialog reopens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useFollowRun(run?.runId, (id) => api['ops:run']({ runId: id }), setRun);

  const check = async () => {
    if (!plan) return;
    setStage('checking');
    const r = await api['ops:check']({ planId: plan.planId });
    if (!r.ok) {
      setError(r.error);
      return setStage('plan');
    }
    setConflicts(r.value.conflicts);
    setStage('conflicts');
  };

  const apply = async () => {
    if (!plan) return;
    const r = await api['ops:apply']({ planId: plan.planId, typedCount: plan.requiresTypedCount ? Number(typed) : undefined });
    if (!r.ok) return setError(r.error);
    const first = await api['ops:run']({ runId: r.value.runId });
    if (first.ok) setRun(first.value);
    setStage('run');
  };

  const showRun = async (runId: string) => {
    const r = await api['ops:run']({ runId });
    if (r.ok) setRun(r.value);
    else setError(r.error);
  };

  const followUp = async (stepIds: string[], action: 'finish' | 'rollback') => {
    if (!run) return;
    const r = await api['ops:followUp']({ runId: run.runId, stepIds, action });
    if (!r.ok) return setError(r.error);
    setOrigin(run.runId);
    await showRun(r.value.runId);
  };

  const queue = async () => {
    if (!plan) return;
    const r = await api['ops:queue']({ planId: plan.planId });
    if (!r.ok) return setError(r.error);
    toast(online ? 'Queued in the outbox (Activity): it is checked against the vendors again and sent only when you say so.' : 'Queued in the outbox: when fleetdesk is back online it is checked against the vendors and waits for your go-ahead.', 'good');
    onClose();
  };

  const unresolved = conflicts.filter((c) => !c.resolution).length;
  const typedOk = !plan?.requiresTypedCount || Number(typed) === plan.destructive;
  const canApply = !!plan && !plan.blocked && unresolved === 0 && typedOk && online;

  const footer =
    stage === 'run' ? (
      <button className="btn" onClick={onClose} disabled={run?.state === 'running'}>
        Close
      </button>
    ) : (
      <>
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
        {!outboxId && (
          <button className="btn" disabled={!plan || plan.blocked} onClick={() => void queue()}>
            Queue in outbox
          </button>
        )}
        {stage !== 'conflicts' ? (
          <button className="btn btn-primary" disabled={!plan || plan.blocked || !online || stage === 'checking'} onClick={() => void check()} title={online ? '' : 'Offline: queue it in the outbox instead'}>
            Check for changes…
          </button>
        ) : (
          <button className="btn btn-primary" disabled={!canApply} onClick={() => void apply()}>
            Apply {plan?.calls} {plan?.calls === 1 ? 'call' : 'calls'}
          </button>
        )}
      </>
    );

  return (
    <Dialog title="Review changes" open onClose={onClose} footer={footer}>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {!plan && !error && <Spinner label="Building the plan…" />}
      {plan && stage !== 'run' && <PlanSummary plan={plan} onPlanChange={setPlan} />}
      {stage === 'checking' && <Spinner label="Reading the current state at each vendor…" />}
      {stage === 'conflicts' && (
        <section>
          {conflicts.length === 0 ? (
            <p className="banner banner-info">Nothing changed underneath since you staged these edits.</p>
          ) : (
            <>
              <h3>{conflicts.length} changed underneath — choose for each</h3>
              <ConflictTable
                conflicts={conflicts}
                onChoose={(conflictId, choice) => void api['ops:resolve']({ planId: plan!.planId, conflictId, choice }).then((r) => (r.ok ? setConflicts(r.value.conflicts) : setError(r.error)))}
              />
            </>
          )}
          {plan?.requiresTypedCount && (
            <label className="field">
              This plan has {plan.destructive} destructive items. Type {plan.destructive} to confirm.
              <input type="text" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type the number of destructive items to confirm" />
            </label>
          )}
        </section>
      )}
      {stage === 'run' && run && (
        <>
          {origin && run.runId !== origin && run.state !== 'running' && (
            <button
              className="btn btn-small"
              onClick={() => {
                void showRun(origin);
                setOrigin(null);
              }}
            >
              ← Back to the first run
            </button>
          )}
          <RunProgress run={run} onControl={(action) => void api['ops:control']({ runId: run.runId, action }).then((r) => (r.ok ? setRun(r.value) : setError(r.error)))} onFollowUp={(ids, action) => void followUp(ids, action)} />
        </>
      )}
    </Dialog>
  );
}
