import { z } from 'zod';
import { channel } from '../define';

/** How the cache predicts Absolute will answer, grouped the way the review screen shows it. */
export const UNENROLL_GROUPS = ['eligible', 'inactive', 'stolen', 'stale', 'not-in-absolute'] as const;
export type UnenrollGroup = (typeof UNENROLL_GROUPS)[number];

export const UnenrollRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  serial: z.string().nullable(),
  esn: z.string().nullable(),
  systemName: z.string().nullable(),
  username: z.string().nullable(),
  lastSeen: z.string().nullable(),
  deviceUid: z.string().nullable(),
  connectionId: z.string().nullable(),
  group: z.enum(UNENROLL_GROUPS),
  /** Absolute's eligibleStatus as predicted from the cache: 0 eligible, 1 inactive/disabled, 2 stolen. */
  predicted: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  reason: z.string(),
  dataAsOf: z.string().nullable(),
});
export type UnenrollRow = z.infer<typeof UnenrollRowSchema>;

const ReviewSchema = z.object({
  rows: z.array(UnenrollRowSchema),
  /** Pasted entries that matched no device: listed, never dropped silently. */
  notFound: z.array(z.string()),
  accounts: z.array(z.object({ connectionId: z.string(), label: z.string(), region: z.string() })),
  staleAfterHours: z.number(),
});
export type UnenrollReview = z.infer<typeof ReviewSchema>;

const keys = z.array(z.string().max(500)).max(100_000);

export const UNENROLL_RESULTS = ['pending', 'done', 'refused', 'failed', 'unknown', 'skipped'] as const;

/** One device after sending: what Absolute answered next to what the cache predicted. */
export const UnenrollResultRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  serial: z.string().nullable(),
  esn: z.string().nullable(),
  predicted: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  /** done = unenrolled (0); refused = vendor said 1 or 2; unknown = missing from the answer or the batch's outcome is unknown. */
  result: z.enum(UNENROLL_RESULTS),
  eligibleStatus: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  mismatch: z.boolean(),
  batch: z.number().int(),
  reason: z.string().nullable(),
  /** When Absolute answered this device's batch. */
  at: z.string().nullable(),
});
export type UnenrollResultRow = z.infer<typeof UnenrollResultRowSchema>;

export const UnenrollRunSchema = z.object({
  runId: z.string(),
  account: z.object({ connectionId: z.string(), label: z.string(), region: z.string() }),
  state: z.enum(['running', 'paused', 'cancelled', 'finished', 'interrupted']),
  startedAt: z.string(),
  /** What the batch being sent is waiting for at Absolute (e.g. asked to slow down), or null. */
  waiting: z.string().nullable(),
  batches: z.array(
    z.object({
      index: z.number().int(),
      size: z.number().int(),
      status: z.enum(['pending', 'sending', 'done', 'failed', 'unknown', 'skipped']),
      reason: z.string().nullable(),
      sentAt: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
  rows: z.array(UnenrollResultRowSchema),
});
export type UnenrollRun = z.infer<typeof UnenrollRunSchema>;

export const unenrollChannels = {
  /** Builds the review from device keys (basket, search) and/or a pasted list of serials / system names / esns. */
  'unenroll:review': channel(z.object({ deviceKeys: keys.default([]), text: z.string().max(2_000_000).default('') }).strict(), ReviewSchema),
  /** Re-reads just these devices from Absolute so the prediction is current, then reviews again. */
  'unenroll:refresh': channel(z.object({ deviceKeys: keys }).strict(), ReviewSchema),
  /**
   * Sends the checked devices in batches of at most 100 through the change
   * engine. `typedCount` must equal the device count when it is over the
   * destructive threshold. Devices in several Absolute accounts are sent one
   * account per run: `connectionId` says which (required when they span several).
   */
  'unenroll:start': channel(z.object({ deviceKeys: keys.min(1), typedCount: z.number().int().optional(), connectionId: z.string().max(100).optional() }).strict(), z.object({ runId: z.string() })),
  /** Offline: keeps the reviewed list in the outbox; it is checked again and confirmed before sending. */
  'unenroll:queue': channel(z.object({ deviceKeys: keys.min(1) }).strict(), z.object({ outboxId: z.string() })),
  'unenroll:run': channel(z.object({ runId: z.string().max(100) }).strict(), UnenrollRunSchema),
  'unenroll:control': channel(z.object({ runId: z.string().max(100), action: z.enum(['pause', 'resume', 'cancel', 'retry-failed']) }).strict(), UnenrollRunSchema),
  /** The receipt of a run as a file the technician saves. */
  'unenroll:receipt': channel(z.object({ runId: z.string().max(100), format: z.enum(['csv', 'json']) }).strict(), z.object({ filename: z.string(), content: z.string() })),
};
