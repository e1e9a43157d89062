import type { CollisionDetection, KeyboardCoordinateGetter } from '@dnd-kit/core';
import { pointerWithin, rectIntersection } from '@dnd-kit/core';

const DIRECTION: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * Keyboard dragging jumps from one drop target to the next (groups, then the
 * remove zone) instead of nudging the item pixel by pixel.
 */
export const jumpBetweenTargets: KeyboardCoordinateGetter = (event, { context }) => {
  const dir = DIRECTION[event.code];
  if (!dir) return undefined;
  event.preventDefault();
  const targets = context.droppableContainers
    .getEnabled()
    .map((c) => ({ id: c.id, rect: context.droppableRects.get(c.id) }))
    .filter((t): t is { id: typeof t.id; rect: NonNullable<typeof t.rect> } => !!t.rect)
    .sort((a, b) => a.rect.left - b.rect.left || a.rect.top - b.rect.top);
  if (!targets.length) return undefined;
  const at = targets.findIndex((t) => t.id === context.over?.id);
  const next = targets[at === -1 ? (dir > 0 ? 0 : targets.length - 1) : (at + dir + targets.length) % targets.length]!;
  const size = context.collisionRect ?? { width: 0, height: 0 };
  return { x: next.rect.left + next.rect.width / 2 - size.width / 2, y: next.rect.top + next.rect.height / 2 - size.height / 2 };
};

/** Under the pointer when there is one; otherwise (keyboard) whatever the dragged item overlaps. */
export const pointerThenRect: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};
