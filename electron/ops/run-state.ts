import type { ItemResult, Plan } from '../../shared/ops/plan';
import type { JournalRecord } from './journal';

export type RunStateName = 'running' | 'paused' | 'cancelled' | 'finished' | 'interrupted';

export interface RunState {
  runId: string;
  plan: Plan;
  summary: string;
  state: RunStateName;
  startedAt: string;
  /** Per step: intent written (sent) and results, with when each was journaled. */
  steps: Map<string, StepState>;
  /** While a call waits on its vendor (423 Locked, 429, 503...): what it is waiting for, in words. Not journaled. */
  waiting?: string | null;
}

export interface StepState {
  sent: boolean;
  items: ItemResult[] | null;
  sentAt?: string;
  answeredAt?: string;
}

/**
 * Rebuilds a run from its journal: a step with a result has it; a step with
 * an intent but no result was sent and never answered (unknown); anything
 * else was not started.
 */
export function replay(runId: string, records: JournalRecord[], live: boolean): RunState | null {
  const start = records.find((r): r is Extract<JournalRecord, { t: 'start' }> => r.t === 'start');
  if (!start) return null;
  const steps = new Map<string, StepState>();
  for (const s of start.plan.steps) steps.set(s.id, { sent: false, items: null });
  let end: Extract<JournalRecord, { t: 'end' }> | undefined;
  for (const r of records) {
    if (r.t === 'intent') steps.set(r.step, { sent: true, items: null, sentAt: r.at });
    else if (r.t === 'result') steps.set(r.step, { ...steps.get(r.step), sent: true, items: r.items, answeredAt: r.at });
    else if (r.t === 'end') end = r;
  }
  if (!live && !end) {
    for (const [id, s] of steps) {
      const step = start.plan.steps.find((x) => x.id === id)!;
      if (s.sent && !s.items) s.items = step.items.map(() => ({ status: 'unknown', reason: 'fleetdesk stopped after sending this call and before its answer arrived.' }));
    }
  }
  return { runId, plan: start.plan, summary: start.summary, state: end ? end.state : live ? 'running' : 'interrupted', startedAt: start.at, steps };
}
