import { randomUUID } from 'node:crypto';
import { toAppError } from '../../shared/errors';
import type { ItemResult, Plan, PlanStep } from '../../shared/ops/plan';
import { describeWait, reportingWaits } from '../http/wait-reports';
import type { Executor } from './executor';
import type { Journal } from './journal';
import { replay, type RunState } from './run-state';

interface Control {
  paused: boolean;
  cancelled: boolean;
  wake: (() => void) | null;
  controller: AbortController;
}

export interface ApplyEvents {
  progress(run: RunState): void;
  /** One step answered: the activity log records it. */
  stepDone(run: RunState, step: PlanStep, results: ItemResult[]): void;
  finished(run: RunState): void;
}

/**
 * Applies plans step by step through the vendor executors: journal first,
 * then the call, then the result; pause and cancel between steps. Unknown
 * outcomes are never repeated automatically: they are re-checked by reading
 * the vendor, on request.
 */
export class ApplyEngine {
  private readonly live = new Map<string, { run: RunState; control: Control }>();

  constructor(
    private readonly journal: Journal,
    private readonly executorFor: (connectionId: string) => Executor | null,
    private readonly events: ApplyEvents,
  ) {}

  start(plan: Plan): string {
    const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    this.journal.append(runId, { t: 'start', at: new Date().toISOString(), plan, summary: plan.summary });
    const run = replay(runId, this.journal.read(runId), true)!;
    const control: Control = { paused: false, cancelled: false, wake: null, controller: new AbortController() };
    this.live.set(runId, { run, control });
    void this.loop(run, control);
    return runId;
  }

  private async loop(run: RunState, control: Control) {
    for (const step of run.plan.steps) {
      while (control.paused && !control.cancelled) await new Promise<void>((r) => (control.wake = r));
      if (control.cancelled) break;
      const executor = this.executorFor(step.connectionId);
      const sentAt = new Date().toISOString();
      this.journal.append(run.runId, { t: 'intent', at: sentAt, step: step.id });
      run.steps.set(step.id, { sent: true, items: null, sentAt });
      this.events.progress(run);
      let results: ItemResult[];
      if (!executor) results = step.items.map(() => ({ status: 'failed', reason: 'This connection is not available (removed, or its credentials cannot be read).' }));
      else {
        try {
          // A vendor that makes the call wait (e.g. an AlgoSec appliance busy with another operation) is said while it waits.
          const onWait = (w: Parameters<typeof describeWait>[0]) => {
            run.waiting = describeWait(w);
            this.events.progress(run);
          };
          results = await reportingWaits(onWait, () => executor.execute(step, control.controller.signal));
        } catch (err) {
          const e = toAppError(err);
          results = step.items.map(() => ({ status: e.outcomeUnknown ? 'unknown' : 'failed', reason: e.message }));
        }
      }
      run.waiting = null;
      const answeredAt = new Date().toISOString();
      this.journal.append(run.runId, { t: 'result', at: answeredAt, step: step.id, items: results });
      run.steps.set(step.id, { sent: true, items: results, sentAt, answeredAt });
      this.events.stepDone(run, step, results);
      this.events.progress(run);
    }
    run.state = control.cancelled ? 'cancelled' : 'finished';
    this.journal.append(run.runId, { t: 'end', at: new Date().toISOString(), state: run.state });
    this.live.delete(run.runId);
    this.events.progress(run);
    this.events.finished(run);
  }

  get(runId: string): RunState | null {
    const live = this.live.get(runId);
    if (live) return live.run;
    return replay(runId, this.journal.read(runId), false);
  }

  /** Every run the journal knows, live or ended. */
  runIds(): string[] {
    return [...new Set([...this.live.keys(), ...this.journal.runIds()])];
  }

  /** Runs a crash or power loss interrupted (found in the journal, no end record). */
  interrupted(): RunState[] {
    return this.journal
      .runIds()
      .filter((id) => !this.live.has(id))
      .map((id) => replay(id, this.journal.read(id), false))
      .filter((r): r is RunState => r?.state === 'interrupted');
  }

  pause(runId: string, paused: boolean) {
    const live = this.live.get(runId);
    if (!live) return;
    live.control.paused = paused;
    live.run.state = paused ? 'paused' : 'running';
    live.control.wake?.();
    this.events.progress(live.run);
  }

  cancel(runId: string) {
    const live = this.live.get(runId);
    if (!live) return;
    live.control.cancelled = true;
    live.control.wake?.();
  }

  /** A new run with exactly the items that failed (or, with `pending`, the steps never started). */
  retry(runId: string, which: 'failed' | 'pending'): string | null {
    const run = this.get(runId);
    if (!run) return null;
    const steps: PlanStep[] = [];
    for (const step of run.plan.steps) {
      const s = run.steps.get(step.id);
      if (which === 'pending' && !s?.sent) steps.push({ ...step, id: randomUUID() });
      if (which === 'failed' && s?.items) {
        const items = step.items.filter((_, i) => s.items![i]?.status === 'failed');
        if (items.length) steps.push({ ...step, id: randomUUID(), items });
      }
    }
    if (!steps.length) return null;
    if (which === 'pending') this.journal.append(runId, { t: 'end', at: new Date().toISOString(), state: 'cancelled' });
    return this.start({ ...run.plan, id: randomUUID(), steps, summary: `${which === 'failed' ? 'Retry of failed items' : 'Resume'}: ${run.summary}` });
  }

  /** Records a later outcome for a step of an ended run (a half-done transfer finished or rolled back by another run). */
  amend(runId: string, stepId: string, items: ItemResult[]): void {
    const run = this.get(runId);
    const step = run?.plan.steps.find((s) => s.id === stepId);
    if (!run || !step) return;
    this.journal.append(runId, { t: 'result', at: new Date().toISOString(), step: stepId, items });
    this.events.stepDone(run, step, items);
  }

  /** Reads the vendor for every item whose outcome is unknown and records what it finds. */
  async recheckUnknown(runId: string): Promise<void> {
    const run = this.get(runId);
    if (!run) return;
    for (const step of run.plan.steps) {
      const s = run.steps.get(step.id);
      if (!s?.items?.some((r) => r.status === 'unknown')) continue;
      const executor = this.executorFor(step.connectionId);
      if (!executor) continue;
      const checked = await executor.verify(step, new AbortController().signal).catch((err: unknown) => step.items.map(() => ({ status: 'unknown' as const, reason: `Could not re-check: ${toAppError(err).message}` })));
      const merged = s.items.map((r, i) => (r.status === 'unknown' ? (checked[i] ?? r) : r));
      this.journal.append(runId, { t: 'result', at: new Date().toISOString(), step: step.id, items: merged });
      this.events.stepDone(run, step, merged);
    }
  }
}
