import { z } from 'zod';
import { channel } from '../define';
import { VENDORS } from '../../vendors';
import { ITEM_STATUS } from '../../ops/plan';

/**
 * The change engine as the renderer sees it: the draft of staged edits, the
 * plan built from it, the conflict check, runs with per-item results, the
 * outbox and the activity log. Each view is plain words plus ids; the engine's
 * own types stay in the main process.
 */
export const DraftEditViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  connectionId: z.string(),
  vendor: z.enum(VENDORS),
  deviceKey: z.string().optional(),
  group: z.string().optional(),
  /** "Add LPTP-TJORDAN to Branch-12" */
  label: z.string(),
  /** Held by a plan queued in the outbox: reviewed from there, not with the rest of the draft. */
  queued: z.boolean(),
});
export type DraftEditView = z.infer<typeof DraftEditViewSchema>;

export const DraftViewSchema = z.object({ edits: z.array(DraftEditViewSchema), canUndo: z.boolean(), canRedo: z.boolean() });

export const PlanViewSchema = z.object({
  planId: z.string(),
  summary: z.string(),
  counts: z.array(z.object({ vendor: z.enum(VENDORS), action: z.string(), count: z.number().int() })),
  warnings: z.array(z.object({ level: z.enum(['blocking', 'warning', 'info']), message: z.string() })),
  steps: z.array(z.object({ id: z.string(), vendor: z.enum(VENDORS), call: z.string(), label: z.string(), items: z.number().int() })),
  /** Vendor calls in all (a transfer step makes two). */
  calls: z.number().int(),
  destructive: z.number().int(),
  requiresTypedCount: z.boolean(),
  /** True while a blocking warning (e.g. a group that would be emptied) is unresolved. */
  blocked: z.boolean(),
});
export type PlanView = z.infer<typeof PlanViewSchema>;

export const ConflictViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  cached: z.string(),
  intended: z.string(),
  current: z.string(),
  resolution: z.enum(['keep-mine', 'take-theirs', 'drop']).nullable(),
});
export type ConflictView = z.infer<typeof ConflictViewSchema>;

export const ITEM_STATUSES = ITEM_STATUS;

/** A half-done transfer: unassigned from `from`, not yet assigned to `to`; it can be finished or rolled back. */
export const HalfDoneSchema = z.object({ from: z.string(), to: z.string() });

export const RunViewSchema = z.object({
  runId: z.string(),
  summary: z.string(),
  state: z.enum(['running', 'paused', 'cancelled', 'finished', 'interrupted']),
  startedAt: z.string(),
  /** What the current call is waiting for at the vendor, in words (null when it is not waiting). */
  waiting: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      status: z.enum(ITEM_STATUSES),
      reason: z.string().nullable(),
      items: z.array(z.object({ label: z.string(), status: z.enum(ITEM_STATUSES), reason: z.string().nullable(), halfDone: HalfDoneSchema.optional() })),
    }),
  ),
});
export type RunView = z.infer<typeof RunViewSchema>;

/** The latest check of a queued item against the vendors, in words. */
export const OutboxCheckSchema = z.object({
  at: z.string(),
  /** True when nothing changed underneath (plans) or the devices were re-read (unenroll). */
  ok: z.boolean(),
  message: z.string(),
});

export const OutboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['plan', 'unenroll']),
  summary: z.string(),
  createdAt: z.string(),
  /** Plans: how many staged edits it still holds. Unenroll: how many devices. */
  size: z.number().int(),
  /** Unenroll items: the devices to review again before anything is sent. */
  deviceKeys: z.array(z.string()),
  check: OutboxCheckSchema.nullable(),
});
export type OutboxItemView = z.infer<typeof OutboxItemSchema>;

export const ActivityEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  osUser: z.string(),
  connectionId: z.string(),
  /** The account's name when the change was made (older entries have none). */
  connection: z.string().optional(),
  /** The summary of the plan this item belonged to (older entries have none). */
  plan: z.string().optional(),
  vendor: z.enum(VENDORS),
  action: z.string(),
  deviceKey: z.string().nullable(),
  device: z.string(),
  result: z.enum(ITEM_STATUSES),
  reason: z.string().nullable(),
  runId: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

const ActivityFilterSchema = z
  .object({
    device: z.string().max(200).optional(),
    vendor: z.enum(VENDORS).optional(),
    action: z.string().max(100).optional(),
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
  })
  .strict();

const id = z.string().min(1).max(100);
const empty = z.object({}).strict();

export const opsChannels = {
  'ops:draft': channel(empty, DraftViewSchema),
  'ops:undo': channel(empty, DraftViewSchema),
  'ops:redo': channel(empty, DraftViewSchema),
  'ops:discard': channel(z.object({ ids: z.array(id).max(100_000).optional() }).strict(), DraftViewSchema),
  /** Turns the draft (or the part of it for one feature) into the exact calls it will make. */
  /** A plan of the draft's edits (of these kinds), or of the edits a queued outbox item holds. */
  'ops:plan': channel(z.object({ kinds: z.array(z.string().max(40)).max(20).optional(), outboxId: id.optional() }).strict(), PlanViewSchema),
  /** For a blocking "group would be emptied" warning: keep one device, or delete the group. */
  'ops:resolveEmptyGroup': channel(z.object({ planId: id, group: z.string().max(200), choice: z.enum(['keep-one', 'delete-group']) }).strict(), PlanViewSchema),
  'ops:check': channel(z.object({ planId: id }).strict(), z.object({ conflicts: z.array(ConflictViewSchema) })),
  'ops:resolve': channel(z.object({ planId: id, conflictId: id, choice: z.enum(['keep-mine', 'take-theirs', 'drop']) }).strict(), z.object({ conflicts: z.array(ConflictViewSchema) })),
  'ops:apply': channel(z.object({ planId: id, typedCount: z.number().int().optional() }).strict(), z.object({ runId: z.string() })),
  'ops:queue': channel(z.object({ planId: id }).strict(), z.object({ outboxId: z.string() })),
  'ops:run': channel(z.object({ runId: id }).strict(), RunViewSchema),
  /** Half-done transfers of a run: finish them (assign to B) or roll them back (assign to A again), as a new journaled run. */
  'ops:followUp': channel(z.object({ runId: id, stepIds: z.array(id).min(1).max(10_000), action: z.enum(['finish', 'rollback']) }).strict(), z.object({ runId: z.string() })),
  /** Every half-done transfer in fleetdesk's runs, still waiting to be finished or rolled back. */
  'ops:halfDone': channel(
    empty,
    z.object({ items: z.array(z.object({ runId: z.string(), stepId: z.string(), device: z.string(), deviceKey: z.string(), from: z.string(), to: z.string(), at: z.string() })) }),
  ),
  'ops:control': channel(z.object({ runId: id, action: z.enum(['pause', 'resume', 'cancel', 'retry-failed', 'recheck-unknown']) }).strict(), RunViewSchema),
  /** Runs a crash interrupted, found in the journal at start. */
  'ops:recovery': channel(empty, z.object({ runs: z.array(RunViewSchema) })),
  'ops:outbox': channel(empty, z.object({ items: z.array(OutboxItemSchema) })),
  /** Takes an item out of the outbox; a plan's edits go back to the draft, or are discarded with `discardEdits`. */
  'ops:outboxRemove': channel(z.object({ id, discardEdits: z.boolean().default(false) }).strict(), z.object({ items: z.array(OutboxItemSchema) })),
  /** Checks a queued item against the vendors now (the same check that runs on reconnect); nothing is sent. */
  'ops:outboxCheck': channel(z.object({ id }).strict(), z.object({ items: z.array(OutboxItemSchema) })),
  'activity:list': channel(ActivityFilterSchema, z.object({ entries: z.array(ActivityEntrySchema), total: z.number().int() })),
  'activity:export': channel(z.object({ format: z.enum(['csv', 'json']), filter: ActivityFilterSchema }).strict(), z.object({ filename: z.string(), content: z.string() })),
};
