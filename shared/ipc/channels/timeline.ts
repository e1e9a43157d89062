import { z } from 'zod';
import { channel } from '../define';
import { StageResultSchema } from './groups';

export const LaneSegmentSchema = z.object({
  start: z.string(),
  /** null: still current (Insiders' 2999-12-31T23:59:59Z end, or an assignment still in place). */
  end: z.string().nullable(),
  who: z.string(),
  note: z.string().optional(),
  /**
   * overlap (held by two at once) | observed (times are when fleetdesk saw it, not vendor timestamps)
   * | made-by-fleetdesk | ended-by-fleetdesk | before-first-sync (already there when fleetdesk first looked)
   */
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
    /** timeZone: the viewer's IANA zone, so explanations show local dates (times are stored UTC). */
    z.object({ key: z.string().max(500), timeZone: z.string().max(64).optional() }).strict(),
    z.object({ key: z.string(), name: z.string(), serial: z.string().nullable(), lanes: z.array(LaneSchema), explanations: z.array(z.string()) }).nullable(),
  ),
  'timeline:issues': channel(
    z.object({ kinds: z.array(z.enum(CUSTODY_ISSUES)).optional() }).strict(),
    /** counts: devices with each issue in the whole fleet (rows stop at 1,000). */
    z.object({ rows: z.array(CustodyIssueRowSchema), total: z.number().int(), counts: z.object({ overlap: z.number().int(), gap: z.number().int(), 'no-current-owner': z.number().int(), 'vendor-mismatch': z.number().int() }) }),
  ),
  /** Where the basket stands before an ownership action: Insiders owners, Telemetron customers, and every customer fleetdesk knows. */
  'ownership:summary': channel(
    z.object({ deviceKeys: z.array(z.string().max(500)).max(100_000) }).strict(),
    z.object({
      devices: z.number().int(),
      insiders: z.object({ atVendor: z.number().int(), ownedByAccount: z.number().int(), ownedByOthers: z.number().int(), noOwner: z.number().int() }),
      telemetron: z.object({ seen: z.number().int(), unassigned: z.number().int(), customers: z.array(z.object({ email: z.string(), devices: z.number().int() })) }),
      knownCustomers: z.array(z.string()),
    }),
  ),
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
