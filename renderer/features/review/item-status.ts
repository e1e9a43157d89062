import type { ItemStatus } from '../../../shared/ops/plan';

/** How each item result reads and looks, the same in review, progress and the activity log. */
export const STATUS_TONE = { pending: 'neutral', running: 'info', done: 'good', failed: 'bad', skipped: 'neutral', unknown: 'warn', partial: 'warn' } as const satisfies Record<ItemStatus, string>;
export const STATUS_WORD = { pending: 'not started', running: 'sending', done: 'done', failed: 'failed', skipped: 'skipped', unknown: 'outcome unknown', partial: 'half done' } as const satisfies Record<ItemStatus, string>;
