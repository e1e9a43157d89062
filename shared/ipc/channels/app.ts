import { z } from 'zod';
import { channel } from '../define';
import { VendorFreshnessSchema } from '../../model';

export const AppInfoSchema = z.object({
  version: z.string(),
  /** Where the services run: the Electron main process, or the Node browser host. */
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** True while the app runs on the built-in demo fleet (no vendor account configured). */
  demo: z.boolean(),
});

export const AppStatusSchema = z.object({
  online: z.boolean(),
  syncing: z.boolean(),
  lastSyncAt: z.string().nullable(),
  freshness: z.array(VendorFreshnessSchema),
  /** Problems found while opening saved data (a damaged cache or draft), in plain words, with what was used instead. */
  notices: z.array(z.string()),
  /** A plain-words reason live vendor calls are disabled (e.g. keychain locked), or null. */
  liveCallsDisabled: z.string().nullable(),
  /** Data older than this many hours is flagged as stale. */
  staleAfterHours: z.number(),
  /** Plans with more destructive items than this need the count typed to confirm. */
  destructiveThreshold: z.number().int(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

export const appChannels = {
  'app:info': channel(z.object({}).strict(), AppInfoSchema),
  'app:status': channel(z.object({}).strict(), AppStatusSchema),
  /** Opens an https link in the OS browser after checking it; anything else is refused. */
  'app:openExternal': channel(z.object({ url: z.string().max(2048) }).strict(), z.object({ opened: z.boolean() })),
};
