import { z } from 'zod';

/**
 * The browser host's WebSocket protocol. The renderer connects to
 * `ws://127.0.0.1:<port>/ipc?token=<per-launch token>` (the token comes from the
 * page URL's fragment `#token=...`) and exchanges JSON frames:
 *   renderer → host: {id, channel, request}
 *   host → renderer: {id, result} (result is a Result value), or {event, payload}
 * Electron uses the preload bridge instead; the renderer cannot tell which.
 */
export const WireCallSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown(),
});
export type WireCall = z.infer<typeof WireCallSchema>;

export type WireReply = { id: number; result: unknown } | { event: string; payload: unknown };

export const IPC_PATH = '/ipc';
