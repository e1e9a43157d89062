import { z } from 'zod';

/**
 * A staged edit: one intended change to one vendor, made against the cached
 * state it records in `base` (so the conflict check can tell what changed
 * underneath). Edits wait in the draft until a plan is reviewed and applied.
 */
const common = {
  id: z.string(),
  connectionId: z.string(),
  /** When the edit was staged, and how old the cached data it was based on was. */
  stagedAt: z.string(),
  baseAsOf: z.string().nullable(),
};

export const StagedEditSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('group.add'), group: z.string(), device: z.string(), deviceKey: z.string() }),
  z.object({ ...common, kind: z.literal('group.remove'), group: z.string(), device: z.string(), deviceKey: z.string() }),
  z.object({ ...common, kind: z.literal('group.create'), group: z.string(), devices: z.array(z.string()), deviceKeys: z.array(z.string()) }),
  z.object({ ...common, kind: z.literal('group.delete'), group: z.string(), members: z.array(z.string()) }),
]);
export type StagedEdit = z.infer<typeof StagedEditSchema>;
export type EditKind = StagedEdit['kind'];

/** The edits of one user action (a drop of five devices is one undo step). */
export const DraftFileSchema = z.object({
  version: z.literal(1),
  done: z.array(z.array(StagedEditSchema)),
  undone: z.array(z.array(StagedEditSchema)),
});
export type DraftFile = z.infer<typeof DraftFileSchema>;

export function describeEdit(e: StagedEdit): string {
  switch (e.kind) {
    case 'group.add':
      return `Add ${e.device} to ${e.group}`;
    case 'group.remove':
      return `Remove ${e.device} from ${e.group}`;
    case 'group.create':
      return `Create group ${e.group} with ${e.devices.length} device${e.devices.length === 1 ? '' : 's'}`;
    case 'group.delete':
      return `Delete group ${e.group}`;
  }
}

/** An edit as a feature proposes it; the draft adds its id and time. */
export type NewEdit = StagedEdit extends infer E ? (E extends StagedEdit ? Omit<E, 'id' | 'stagedAt'> : never) : never;
