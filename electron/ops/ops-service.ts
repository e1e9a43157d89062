import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { appError, FleetError, toAppError } from '../../shared/errors';
import type { ConflictView, OutboxItemView, PlanView, RunView } from '../../shared/ipc/channels/ops';
import { describeEdit, isCustodyEdit, vendorOfEdit, type NewEdit, type StagedEdit } from '../../shared/ops/edits';
import { callsOf, type ItemResult, type Plan, type PlanStep } from '../../shared/ops/plan';
import { ActivityLog } from './activity-log';
import { ApplyEngine } from './apply';
import { custodyConflicts, type CustodyReader } from './custody-conflicts';
import type { CustodyPlanContext } from './custody-plan';
import { DraftStore } from './draft-store';
import type { Executor } from './executor';
import { Journal } from './journal';
import { Outbox, type OutboxRecord } from './outbox';
import { buildPlan } from './plan';
import type { RunState } from './run-state';
import { CALL_WORDS, actionOf, callText, stepItemsText, stepLabel } from './step-words';

export interface OpsDeps {
  dataDir: string;
  /** The account's name as the user knows it, kept in the activity log as it was at the time. */
  connectionLabel?: (connectionId: string) => string;
  destructiveThreshold: () => number;
  executorFor: (connectionId: string) => Executor | null;
  /** Cached members of an AlgoSec group (display names), for planning. */
  groupMembers: (connectionId: string, group: string) => string[];
  /** Current members read from the vendor, for the conflict check. */
  currentMembers: (connectionId: string, group: string, devices: string[]) => Promise<string[]>;
  /** The cache now, for warnings on ownership and assignment plans. */
  custody?: CustodyPlanContext;
  /** Reads Insiders and Telemetron for the conflict check of ownership and assignment edits. */
  readCustody?: CustodyReader;
  onProgress: (run: RunState) => void;
  onDraftChanged: () => void;
  /** A run ended: refresh the fleet from the vendors it touched. */
  onFinished: (run: RunState) => void;
}

/** What a review is of: the draft's edits (of some kinds), or the edits a queued outbox item holds. */
export interface PlanSource {
  kinds?: string[];
  outboxId?: string;
}

interface Reviewed {
  plan: Plan;
  source: PlanSource;
  choices: Map<string, 'keep-one' | 'delete-group'>;
  conflicts: Array<ConflictView & { editId: string }>;
}

/**
 * The change engine behind the IPC channels: the draft, plans under review,
 * runs (journal + apply), the outbox and the activity log.
 */
export class OpsService {
  readonly draft: DraftStore;
  readonly activity: ActivityLog;
  readonly engine: ApplyEngine;
  readonly outbox: Outbox;
  private readonly reviewed = new Map<string, Reviewed>();
  /** Half-done transfers with a finish or roll-back run under way (`runId stepId`), so a second click starts nothing. */
  private readonly followingUp = new Set<string>();

  constructor(private readonly deps: OpsDeps) {
    this.draft = new DraftStore(join(deps.dataDir, 'draft.json'));
    this.activity = new ActivityLog(join(deps.dataDir, 'activity.jsonl'));
    this.outbox = new Outbox(join(deps.dataDir, 'outbox.json'));
    this.engine = new ApplyEngine(new Journal(join(deps.dataDir, 'journal')), deps.executorFor, {
      progress: deps.onProgress,
      stepDone: (run, step, results) =>
        this.activity.append(
          step.items.map((item, i) => ({
            connectionId: step.connectionId,
            connection: deps.connectionLabel?.(step.connectionId) ?? step.connectionId,
            plan: run.summary,
            vendor: step.vendor,
            action: actionOf(step),
            deviceKey: item.key,
            device: item.label,
            result: results[i]?.status ?? 'unknown',
            reason: results[i]?.reason ?? null,
            runId: run.runId,
          })),
        ),
      finished: (run) => {
        this.settleFollowUps(run);
        deps.onFinished(run);
      },
    });
  }

  stage(edits: NewEdit[]): void {
    const at = new Date().toISOString();
    this.draft.stage(edits.map((e) => ({ ...e, id: randomUUID(), stagedAt: at }) as StagedEdit));
    this.deps.onDraftChanged();
  }

  draftView() {
    const held = this.outbox.heldEdits();
    return {
      edits: this.draft.edits().map((e) => ({
        id: e.id,
        kind: e.kind,
        connectionId: e.connectionId,
        vendor: vendorOfEdit(e),
        group: 'group' in e ? e.group : undefined,
        deviceKey: 'deviceKey' in e ? e.deviceKey : undefined,
        label: describeEdit(e),
        queued: held.has(e.id),
      })),
      canUndo: this.draft.canUndo,
      canRedo: this.draft.canRedo,
    };
  }

  /** The staged edits a review covers: an outbox item's, or the draft's (of these kinds) that no queued plan holds. */
  private edits(source: PlanSource) {
    if (source.outboxId) {
      const item = this.outbox.get(source.outboxId);
      if (!item) throw new FleetError(appError('not-found', 'That queued change is no longer in the outbox.'));
      return this.draft.edits().filter((e) => item.editIds.includes(e.id));
    }
    const held = this.outbox.heldEdits();
    return this.draft.edits().filter((e) => !held.has(e.id) && (!source.kinds || source.kinds.includes(e.kind)));
  }

  plan(source: PlanSource = {}, planId?: string): PlanView {
    const prior = planId ? this.reviewed.get(planId) : undefined;
    const choices = prior?.choices ?? new Map<string, 'keep-one' | 'delete-group'>();
    const from = prior?.source ?? source;
    const plan = buildPlan(this.edits(from), {
      members: this.deps.groupMembers,
      emptyGroupChoice: (c, g) => choices.get(`${c}\u0000${g}`),
      custody: this.deps.custody,
    });
    if (prior) this.reviewed.delete(prior.plan.id);
    this.reviewed.set(plan.id, { plan, source: from, choices, conflicts: [] });
    return this.view(plan);
  }

  private view(plan: Plan): PlanView {
    const destructive = plan.steps.filter((s) => s.destructive).reduce((n, s) => n + s.items.length, 0);
    const counts = new Map<string, { vendor: PlanStep['vendor']; action: string; count: number }>();
    for (const s of plan.steps) {
      const k = `${s.vendor}:${s.call}`;
      const c = counts.get(k) ?? { vendor: s.vendor, action: CALL_WORDS[s.call], count: 0 };
      c.count += s.items.length;
      counts.set(k, c);
    }
    const warnings = [...plan.warnings];
    if (destructive) warnings.push({ level: 'warning', message: `${destructive} destructive ${destructive === 1 ? 'item' : 'items'} (removals, deletions, releases, unassigns or transfers).` });
    const blocking = plan.warnings.some((w) => w.level === 'blocking');
    return {
      planId: plan.id,
      summary: blocking && plan.steps.length === 0 ? 'Nothing can be sent until the warning below is resolved.' : plan.summary,
      counts: [...counts.values()],
      warnings: warnings.map(({ level, message }) => ({ level, message })),
      steps: plan.steps.map((s) => ({ id: s.id, vendor: s.vendor, call: callText(s), label: stepItemsText(s), items: s.items.length })),
      calls: plan.steps.reduce((n, s) => n + callsOf(s), 0),
      destructive,
      requiresTypedCount: destructive > this.deps.destructiveThreshold(),
      blocked: blocking || plan.steps.length === 0,
    };
  }

  private reviewedPlan(planId: string): Reviewed {
    const r = this.reviewed.get(planId);
    if (!r) throw new FleetError(appError('not-found', 'This plan is out of date; close the review and open it again.'));
    return r;
  }

  resolveEmptyGroup(planId: string, group: string, choice: 'keep-one' | 'delete-group'): PlanView {
    const r = this.reviewedPlan(planId);
    const connectionId = r.plan.steps.find((s) => s.target === group)?.connectionId ?? this.edits(r.source).find((e) => 'group' in e && e.group === group)?.connectionId ?? '';
    r.choices.set(`${connectionId}\u0000${group}`, choice);
    return this.plan(r.source, planId);
  }

  /** Re-reads the groups, ownerships and assignments the plan touches and lists every edit whose starting point changed. */
  async check(planId: string): Promise<ConflictView[]> {
    const r = this.reviewedPlan(planId);
    const conflicts: Reviewed['conflicts'] = [];
    const custody = this.edits(r.source).filter(isCustodyEdit);
    if (custody.length && this.deps.readCustody) conflicts.push(...(await custodyConflicts(custody, this.deps.readCustody)));
    const byGroup = new Map<string, StagedEdit[]>();
    for (const e of this.edits(r.source)) {
      if (e.kind !== 'group.add' && e.kind !== 'group.remove') continue;
      const k = `${e.connectionId}\u0000${e.group}`;
      byGroup.set(k, [...(byGroup.get(k) ?? []), e]);
    }
    for (const list of byGroup.values()) {
      const first = list[0]! as Extract<StagedEdit, { kind: 'group.add' }>;
      const current = new Set(await this.deps.currentMembers(first.connectionId, first.group, list.map((e) => (e as { device: string }).device)));
      for (const e of list as Array<Extract<StagedEdit, { kind: 'group.add' | 'group.remove' }>>) {
        const isMember = current.has(e.device);
        const changed = e.kind === 'group.add' ? isMember : !isMember;
        if (!changed) continue;
        conflicts.push({
          id: e.id,
          editId: e.id,
          label: describeEdit(e),
          cached: e.kind === 'group.add' ? `not in ${e.group}` : `in ${e.group}`,
          intended: e.kind === 'group.add' ? `in ${e.group}` : `not in ${e.group}`,
          current: isMember ? `already in ${e.group}` : `no longer in ${e.group}`,
          resolution: null,
        });
      }
    }
    r.conflicts = conflicts;
    return conflicts.map(({ editId: _e, ...c }) => c);
  }

  resolve(planId: string, conflictId: string, choice: 'keep-mine' | 'take-theirs' | 'drop'): ConflictView[] {
    const r = this.reviewedPlan(planId);
    const c = r.conflicts.find((x) => x.id === conflictId);
    if (c) c.resolution = choice;
    return r.conflicts.map(({ editId: _e, ...x }) => x);
  }

  apply(planId: string, typedCount: number | undefined): string {
    const r = this.reviewedPlan(planId);
    const view = this.view(r.plan);
    if (view.blocked) throw new FleetError(appError('bad-request', 'The plan has a blocking warning: resolve it first.'));
    if (r.conflicts.some((c) => !c.resolution)) throw new FleetError(appError('bad-request', 'Choose what to do for every item that changed underneath.'));
    if (view.requiresTypedCount && typedCount !== view.destructive) throw new FleetError(appError('bad-request', `Type ${view.destructive} to confirm this many destructive changes.`));
    // "Take theirs" and "drop" leave the edit out; "keep mine" sends it anyway.
    const dropped = new Set(r.conflicts.filter((c) => c.resolution !== 'keep-mine').map((c) => c.editId));
    const plan = dropped.size ? { ...r.plan, steps: r.plan.steps.map((s) => ({ ...s, items: s.items.filter((_, i) => !dropped.has(s.editIds[i] ?? '')) })).filter((s) => s.items.length) } : r.plan;
    const runId = this.engine.start(plan);
    this.draft.discard(r.plan.steps.flatMap((s) => s.editIds).concat([...dropped]));
    if (r.source.outboxId) this.outbox.remove([r.source.outboxId]);
    this.reviewed.delete(planId);
    this.deps.onDraftChanged();
    return runId;
  }

  runView(runId: string): RunView {
    const run = this.engine.get(runId);
    if (!run) throw new FleetError(appError('not-found', 'fleetdesk has no record of that run.'));
    return toRunView(run);
  }

  async control(runId: string, action: 'pause' | 'resume' | 'cancel' | 'retry-failed' | 'recheck-unknown'): Promise<RunView> {
    const run = this.engine.get(runId);
    if (!run) throw new FleetError(appError('not-found', 'fleetdesk has no record of that run.'));
    if (action === 'pause' || (action === 'resume' && run.state === 'paused')) this.engine.pause(runId, action === 'pause');
    else if (action === 'resume' && run.state === 'interrupted') return this.runView(this.engine.retry(runId, 'pending') ?? runId);
    else if (action === 'cancel') this.engine.cancel(runId);
    else if (action === 'retry-failed') return this.runView(this.engine.retry(runId, 'failed') ?? runId);
    else if (action === 'recheck-unknown') await this.engine.recheckUnknown(runId);
    return this.runView(runId);
  }

  /**
   * Finishes (assign to the new customer) or rolls back (assign to the old one
   * again) half-done transfers of a run, as a new journaled run. Only items
   * known to be half done qualify: an unknown outcome is re-checked first.
   */
  followUp(runId: string, stepIds: readonly string[], action: 'finish' | 'rollback'): string {
    const run = this.engine.get(runId);
    if (!run) throw new FleetError(appError('not-found', 'fleetdesk has no record of that run.'));
    const steps: PlanStep[] = [];
    for (const stepId of new Set(stepIds)) {
      const step = run.plan.steps.find((s) => s.id === stepId);
      const a = step?.args;
      const halfDone = run.steps.get(stepId)?.items?.[0]?.status === 'partial';
      if (!step || step.call !== 'telemetron.transfer' || !a?.from || !a.to || !halfDone || this.followingUp.has(`${runId} ${stepId}`)) continue;
      const email = action === 'finish' ? a.to : a.from;
      steps.push({ id: randomUUID(), vendor: 'telemetron', connectionId: step.connectionId, call: 'telemetron.assignDeviceToOwners', target: null, items: step.items, destructive: false, editIds: [], args: { deviceIdentifier: a.deviceIdentifier, customerEmails: [email], followUpOf: { runId, stepId, action } } });
    }
    if (!steps.length) throw new FleetError(appError('bad-request', 'Nothing in that run is half done any more (finished, rolled back, or under way).'));
    for (const s of steps) this.followingUp.add(`${runId} ${s.args!.followUpOf!.stepId}`);
    const n = steps.length;
    const what = `${n} half-done transfer${n === 1 ? '' : 's'}`;
    const summary = action === 'finish' ? `Finish ${what}: assign to the new customer.` : `Roll back ${what}: assign to the previous customer again.`;
    return this.engine.start({ id: randomUUID(), createdAt: new Date().toISOString(), summary, steps, warnings: [] });
  }

  /** Half-done transfers of every run, oldest run first, except those with a finish or roll-back under way. */
  halfDone(): Array<{ runId: string; stepId: string; device: string; deviceKey: string; from: string; to: string; at: string }> {
    const out = [];
    for (const runId of this.engine.runIds().sort()) {
      const run = this.engine.get(runId);
      for (const step of run?.plan.steps ?? []) {
        const a = step.args;
        if (step.call !== 'telemetron.transfer' || !a?.from || !a.to || run!.steps.get(step.id)?.items?.[0]?.status !== 'partial') continue;
        if (this.followingUp.has(`${runId} ${step.id}`)) continue;
        out.push({ runId, stepId: step.id, device: step.items[0]!.label, deviceKey: step.items[0]!.key, from: a.from, to: a.to, at: run!.startedAt });
      }
    }
    return out;
  }

  /** A finish or roll-back that worked closes the half-done item of the original run, in its journal. */
  private settleFollowUps(run: RunState) {
    for (const step of run.plan.steps) {
      const of = step.args?.followUpOf;
      if (!of) continue;
      this.followingUp.delete(`${of.runId} ${of.stepId}`);
      if (run.steps.get(step.id)?.items?.[0]?.status !== 'done') continue;
      const email = step.args?.customerEmails?.[0] ?? '';
      this.engine.amend(of.runId, of.stepId, [
        of.action === 'finish' ? { status: 'done', reason: `Finished afterwards: assigned to ${email}.` } : { status: 'skipped', reason: `Rolled back: assigned to ${email} again; not transferred.` },
      ]);
    }
  }

  /** Queues a reviewed plan: its edits stay in the draft, held for the outbox, and wait for the user's go-ahead. */
  queue(planId: string): string {
    const r = this.reviewedPlan(planId);
    if (r.source.outboxId) throw new FleetError(appError('bad-request', 'This plan is already in the outbox.'));
    const id = this.outbox.add({ kind: 'plan', summary: r.plan.summary, editIds: this.edits(r.source).map((e) => e.id), deviceKeys: [] });
    this.reviewed.delete(planId);
    this.deps.onDraftChanged();
    return id;
  }

  /** Queues an unenroll review prepared offline; it is reviewed again (fresh from Absolute) before sending. */
  queueUnenroll(summary: string, deviceKeys: string[]): string {
    return this.outbox.add({ kind: 'unenroll', summary, editIds: [], deviceKeys });
  }

  /**
   * The outbox as the user sees it. A queued plan whose edits were all undone
   * or discarded meanwhile holds nothing any more, and is dropped.
   */
  outboxView(): OutboxItemView[] {
    const staged = new Set(this.draft.edits().map((e) => e.id));
    const size = (o: OutboxRecord) => (o.kind === 'plan' ? o.editIds.filter((id) => staged.has(id)).length : o.deviceKeys.length);
    this.outbox.remove(this.outbox.list().filter((o) => size(o) === 0).map((o) => o.id));
    return this.outbox.list().map((o) => {
      const { editIds: _held, ...shown } = o;
      return { ...shown, size: size(o) };
    });
  }

  /** Takes an item out of the outbox: a plan's edits return to the draft, or are discarded with it. */
  removeFromOutbox(id: string, discardEdits: boolean): OutboxItemView[] {
    const item = this.outbox.get(id);
    this.outbox.remove([id]);
    if (item && discardEdits && item.editIds.length) this.draft.discard(item.editIds);
    this.deps.onDraftChanged();
    return this.outboxView();
  }

  /** Checks a queued plan against the vendors (what changed underneath) and records what was found. Nothing is sent. */
  async checkQueuedPlan(id: string): Promise<void> {
    const planId = this.plan({ outboxId: id }).planId;
    try {
      const conflicts = await this.check(planId);
      const n = conflicts.length;
      this.outbox.recordCheck(id, {
        at: new Date().toISOString(),
        ok: n === 0,
        message: n === 0 ? 'Nothing changed underneath since it was queued.' : `${n} ${n === 1 ? 'item' : 'items'} changed underneath: review ${n === 1 ? 'it' : 'them'} before sending.`,
      });
    } catch (err) {
      this.outbox.recordCheck(id, { at: new Date().toISOString(), ok: false, message: `Could not check: ${toAppError(err).message}` });
    } finally {
      this.reviewed.delete(planId);
    }
  }
}

export function toRunView(run: RunState): RunView {
  return {
    runId: run.runId,
    summary: run.summary,
    state: run.state,
    startedAt: run.startedAt,
    waiting: run.waiting ?? null,
    steps: run.plan.steps.map((step) => {
      const s = run.steps.get(step.id);
      const results: ItemResult[] = s?.items ?? step.items.map(() => ({ status: s?.sent ? 'running' : 'pending', reason: null }));
      const worst = results.some((r) => r.status === 'unknown') ? 'unknown' : results.some((r) => r.status === 'partial') ? 'partial' : results.some((r) => r.status === 'failed') ? 'failed' : (results[0]?.status ?? 'pending');
      const halfDone = step.call === 'telemetron.transfer' && step.args?.from && step.args.to ? { from: step.args.from, to: step.args.to } : undefined;
      return {
        id: step.id,
        label: stepLabel(step),
        status: worst,
        reason: results.find((r) => r.reason)?.reason ?? null,
        items: step.items.map((item, i) => {
          const status = results[i]?.status ?? 'pending';
          return { label: item.label, status, reason: results[i]?.reason ?? null, ...(status === 'partial' && halfDone ? { halfDone } : {}) };
        }),
      };
    }),
  };
}
