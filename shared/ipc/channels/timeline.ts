import { z } from 'zod';
import { channel } from '../define';
import { StageResultSchema } from './groups';

export const LaneSegmentSchema = z.object({
  start: z.string(),
  /** null: still current (Insiders' 2999-12-31T23:59:59Z end, or an assignment still in place). */
  end: z.string().nullable(),
  who: z.string(),
  note: z.string().optional(),
  /** overlap | gap-before | observed (time is when fleetdesk saw it, not a vendor timestamp) | made-by-fleetdesk */
  flags: z.array(z.string()),
});

export const LaneSchema = z.object({
  id: z.string(),
  label: z.string(),
  source: z.string(),
  segments: z.array(LaneSegmentSchema),
});
export type LaneView = z.infer<typeof LaneSchema>;

export const CUSTODY_ISSUES = ['overlap', 'gap', 'no-current-owner', 'vendor-mismatch'] as const;

export const CustodyIssueRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  serial: z.string().nullable(),
  issues: z.array(z.enum(CUSTODY_ISSUES)),
  detail: z.string(),
});

const keys = z.array(z.string().max(500)).min(1).max(100_000);
const email = z.string().max(320);

export const timelineChannels = {
  'timeline:device': channel(
    z.object({ key: z.string().max(500) }).strict(),
    z.object({ key: z.string(), name: z.string(), serial: z.string().nullable(), lanes: z.array(LaneSchema), explanations: z.array(z.string()) }).nullable(),
  ),
  'timeline:issues': channel(z.object({ kinds: z.array(z.enum(CUSTODY_ISSUES)).optional() }).strict(), z.object({ rows: z.array(CustodyIssueRowSchema), total: z.number().int() })),
  /** Before assigning: which emails are invalid, and which customers do not exist yet and will be created. */
  'ownership:previewAssign': channel(
    z.object({ emails: z.array(email).min(1).max(50) }).strict(),
    z.object({ customers: z.array(z.object({ email: z.string(), valid: z.boolean(), exists: z.boolean().nullable() })) }),
  ),
  /** Stages ownership / assignment changes for these devices as one undoable step. */
  'ownership:stage': channel(
    z.discriminatedUnion('action', [
      z.object({ action: z.literal('take'), deviceKeys: keys }).strict(),
      z.object({ action: z.literal('release'), deviceKeys: keys }).strict(),
      z.object({ action: z.literal('assign'), deviceKeys: keys, emails: z.array(email).min(1).max(50) }).strict(),
      z.object({ action: z.literal('unassign'), deviceKeys: keys, email }).strict(),
      z.object({ action: z.literal('transfer'), deviceKeys: keys, from: email, to: email }).strict(),
    ]),
    StageResultSchema,
  ),
};
