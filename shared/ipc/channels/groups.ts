import { z } from 'zod';
import { channel } from '../define';
import { DeviceRowSchema } from './fleet';

export const GroupSummarySchema = z.object({
  connectionId: z.string(),
  name: z.string(),
  /** Members in the cached fleet (AFA has no list-all-groups call: groups are known through their members). */
  count: z.number().int(),
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

const groupRef = z.object({ connectionId: z.string().max(100), name: z.string().min(1).max(200) }).strict();

export const groupChannels = {
  'groups:list': channel(z.object({}).strict(), z.object({ groups: z.array(GroupSummarySchema) })),
  'groups:members': channel(groupRef, z.object({ rows: z.array(DeviceRowSchema) })),
};

const deviceKeys = z.array(z.string().max(500)).min(1).max(100_000);

/** Why a device was left out of a drop, in words the technician reads in a toast. */
export const SkippedSchema = z.object({ key: z.string(), name: z.string(), reason: z.string() });

export const StageResultSchema = z.object({ staged: z.number().int(), skipped: z.array(SkippedSchema) });

export const groupEditChannels = {
  /**
   * One drop (or Delete key press) becomes one undoable draft step:
   * add to `to`; remove from `from`; move = add to `to` and remove from `from`.
   */
  'groups:stage': channel(
    z
      .object({
        connectionId: z.string().max(100),
        action: z.enum(['add', 'remove', 'move']),
        deviceKeys,
        to: z.string().min(1).max(200).optional(),
        from: z.string().min(1).max(200).optional(),
      })
      .strict()
      .refine((r) => (r.action === 'remove' ? !!r.from : r.action === 'add' ? !!r.to : !!r.to && !!r.from), { message: 'add needs "to", remove needs "from", move needs both' }),
    StageResultSchema,
  ),
  'groups:create': channel(z.object({ connectionId: z.string().max(100), name: z.string().trim().min(1).max(200), deviceKeys }).strict(), StageResultSchema),
  'groups:delete': channel(groupRef, StageResultSchema),
};
