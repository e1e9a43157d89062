import { z } from 'zod';
import { VENDORS } from '../vendors';

/**
 * `partial`: a two-call item (a Telemetron transfer) whose first call was made
 * and whose second was not: half done, with a way to finish or roll back.
 */
export const ITEM_STATUS = ['pending', 'running', 'done', 'failed', 'skipped', 'unknown', 'partial'] as const;
export type ItemStatus = (typeof ITEM_STATUS)[number];

export const PLAN_CALLS = [
  'algosec.addDevices',
  'algosec.removeDevices',
  'algosec.createGroup',
  'algosec.deleteGroup',
  'absolute.unenroll',
  'insiders.takeOwnership',
  'insiders.releaseOwnership',
  'telemetron.assignDeviceToOwners',
  'telemetron.unassignDeviceFromOwner',
  /** unassignDeviceFromOwner(from), then assignDeviceToOwners([to]): one item, two calls. */
  'telemetron.transfer',
] as const;
export type PlanCall = (typeof PLAN_CALLS)[number];

/**
 * The exact arguments of an ownership or assignment call (these steps act on
 * one device each, so the arguments belong to the step).
 */
export const StepArgsSchema = z.object({
  /** insiders.takeOwnership */
  serialNumber: z.string().optional(),
  deviceName: z.string().optional(),
  /** insiders.*: the device id, for reading its spans back */
  insidersDeviceId: z.number().int().optional(),
  /** insiders.takeOwnership: spans already open when planned, so a re-check can tell a new one */
  openSpanIds: z.array(z.number().int()).optional(),
  /** insiders.releaseOwnership */
  ownershipId: z.number().int().optional(),
  /** telemetron.* */
  deviceIdentifier: z.string().optional(),
  /** telemetron.assignDeviceToOwners */
  customerEmails: z.array(z.string()).optional(),
  /** Target customers that do not exist yet: Telemetron creates them. */
  newCustomers: z.array(z.string()).optional(),
  /** telemetron.unassignDeviceFromOwner */
  customerEmail: z.string().optional(),
  /** telemetron.transfer */
  from: z.string().optional(),
  to: z.string().optional(),
  /** A step that finishes or rolls back a half-done transfer of another run. */
  followUpOf: z.object({ runId: z.string(), stepId: z.string(), action: z.enum(['finish', 'rollback']) }).optional(),
});

/** One vendor call (or, for a transfer, one two-call item) and the devices it acts on. */
export const PlanStepSchema = z.object({
  id: z.string(),
  vendor: z.enum(VENDORS),
  connectionId: z.string(),
  call: z.enum(PLAN_CALLS),
  /** Group name for AlgoSec calls. */
  target: z.string().nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), ref: z.string() })),
  destructive: z.boolean(),
  editIds: z.array(z.string()),
  args: StepArgsSchema.optional(),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const PlanSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  summary: z.string(),
  steps: z.array(PlanStepSchema),
  warnings: z.array(z.object({ level: z.enum(['blocking', 'warning', 'info']), message: z.string(), group: z.string().optional() })),
});
export type Plan = z.infer<typeof PlanSchema>;

export interface ItemResult {
  status: ItemStatus;
  reason: string | null;
  /** Vendor detail, e.g. Absolute's eligibleStatus. */
  detail?: Record<string, unknown>;
}

/** How many vendor calls a step makes (a transfer makes two). */
export const callsOf = (step: Pick<PlanStep, 'call'>) => (step.call === 'telemetron.transfer' ? 2 : 1);
