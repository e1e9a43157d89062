import { z } from 'zod';
import { AppStatusSchema } from './channels/app';

/**
 * Events main pushes to the renderer. Each feature adds its own here with a
 * schema, so the renderer can trust the shape and tests can check it.
 */
export const EVENTS = {
  'status:changed': AppStatusSchema,
  /** The fleet changed (sync finished, an apply landed): the renderer reloads it. */
  'fleet:changed': z.object({ reason: z.string() }),
  'sync:progress': z.object({
    connectionId: z.string(),
    vendor: z.string(),
    phase: z.enum(['started', 'page', 'done', 'failed', 'cancelled']),
    items: z.number().int(),
    pages: z.number().int(),
    total: z.number().int().nullable(),
    ratePerSecond: z.number(),
    etaSeconds: z.number().nullable(),
    message: z.string().nullable(),
  }),
  'ops:progress': z.object({
    planId: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    state: z.string(),
    message: z.string().nullable(),
  }),
  /** The draft of staged edits changed (from any window or after an apply). */
  'ops:draftChanged': z.object({ edits: z.number().int() }),
  /** The outbox changed; `message` says what the user should know (e.g. checked on reconnect). */
  'ops:outboxChanged': z.object({ items: z.number().int(), message: z.string().nullable() }),
  /** Connections, the keychain state or the demo fleet changed: the renderer reloads them (and app:info). */
  'connections:changed': z.object({ reason: z.string() }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
