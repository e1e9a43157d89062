import type { Announcements } from '@dnd-kit/core';
import type { DragPayload } from './drag-data';

const label = (data: unknown) => (data as DragPayload | undefined)?.label ?? 'device';
const target = (data: unknown) => {
  const d = data as { type?: string; name?: string } | undefined;
  return d?.type === 'remove' ? 'the remove zone' : `group ${d?.name ?? ''}`;
};

/** What a screen reader hears while dragging. */
export const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${label(active.data.current)}. Arrow keys move between groups, Space drops, Escape cancels.`,
  onDragOver: ({ active, over }) => (over ? `${label(active.data.current)} is over ${target(over.data.current)}.` : `${label(active.data.current)} is not over a group.`),
  onDragEnd: ({ active, over }) => (over ? `Dropped ${label(active.data.current)} on ${target(over.data.current)}. The change is staged, not sent.` : `${label(active.data.current)} was not dropped.`),
  onDragCancel: ({ active }) => `Cancelled. ${label(active.data.current)} was not moved.`,
};

export const instructions = {
  draggable: 'To pick up a device press Space or Enter. Use the arrow keys to move between groups, Space or Enter to drop, Escape to cancel. Press Delete on a group member to remove it.',
};
