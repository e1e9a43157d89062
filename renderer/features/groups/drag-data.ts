/** What travels with a drag: the devices, and the group they were dragged out of (for a move). */
export interface DragPayload {
  deviceKeys: string[];
  label: string;
  from?: { connectionId: string; name: string };
}

/** What a drop zone is. */
export type DropTarget = { type: 'group'; connectionId: string; name: string } | { type: 'remove' };

/** The staging request a drop makes, or why it is refused. */
export function dropAction(
  payload: DragPayload,
  target: DropTarget,
): { ok: true; action: 'add' | 'remove' | 'move'; connectionId: string; to?: string; from?: string } | { ok: false; reason: string } {
  if (target.type === 'remove') {
    if (!payload.from) return { ok: false, reason: 'Only devices dragged out of a group can be removed from it.' };
    return { ok: true, action: 'remove', connectionId: payload.from.connectionId, from: payload.from.name };
  }
  if (!payload.from) return { ok: true, action: 'add', connectionId: target.connectionId, to: target.name };
  if (payload.from.connectionId !== target.connectionId) return { ok: false, reason: 'Groups of different AlgoSec appliances cannot exchange devices.' };
  if (payload.from.name === target.name) return { ok: false, reason: `Already in ${target.name}.` };
  return { ok: true, action: 'move', connectionId: target.connectionId, to: target.name, from: payload.from.name };
}
