import { z } from 'zod';
import { VENDORS } from '../vendors';

export const ITEM_STATUS = ['pending', 'running', 'done', 'failed', 'skipped', 'unknown'] as const;
export type ItemStatus = (typeof ITEM_STATUS)[number];

/** One vendor call and the devices it acts on. */
export const PlanStepSchema = z.object({
  id: z.string(),
  vendor: z.enum(VENDORS),
  connectionId: z.string(),
  call: z.enum(['algosec.addDevices', 'algosec.removeDevices', 'algosec.createGroup', 'algosec.deleteGroup', 'absolute.unenroll']),
  /** Group name for AlgoSec calls. */
  target: z.string().nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), ref: z.string() })),
  destructive: z.boolean(),
  editIds: z.array(z.string()),
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
