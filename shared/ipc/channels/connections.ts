import { z } from 'zod';
import { ConnectionIdSchema, ConnectionViewSchema, SaveConnectionSchema, TestResultSchema } from '../../connections';
import { PreferencesPatchSchema, PreferencesSchema } from '../../preferences';
import { channel } from '../define';

export const ConnectionListSchema = z.object({
  connections: z.array(ConnectionViewSchema),
  demo: z.object({
    running: z.boolean(),
    /** Why the demo fleet runs or not, in one sentence for the screen. */
    why: z.string(),
  }),
  /** The system keychain: readable, still being read, or not usable (with the fix). */
  keychain: z.object({ state: z.enum(['ok', 'checking', 'unavailable']), message: z.string().nullable() }),
  /** Problems found when the settings were opened (a damaged file set aside). */
  notices: z.array(z.string()),
});
export type ConnectionList = z.infer<typeof ConnectionListSchema>;

const byId = z.object({ id: ConnectionIdSchema }).strict();

export const connectionChannels = {
  'connections:list': channel(z.object({}).strict(), ConnectionListSchema),
  /** Create (no id) or update a connection. Secrets are write-only and go only to the keychain. */
  'connections:save': channel(SaveConnectionSchema, z.object({ connection: ConnectionViewSchema })),
  /** One cheap authenticated call with the saved settings and secrets. */
  'connections:test': channel(byId, TestResultSchema),
  /** Deletes the keychain entries and the settings; the cached devices too when `purgeCache`. */
  'connections:remove': channel(z.object({ id: ConnectionIdSchema, purgeCache: z.boolean() }).strict(), z.object({ removed: z.string(), cachePurged: z.boolean() })),
  /** Pins the AlgoSec certificate the user saw (re-read and compared before it is saved). */
  'connections:trustCertificate': channel(
    z.object({ id: ConnectionIdSchema, sha256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Not a SHA-256 fingerprint.') }).strict(),
    z.object({ connection: ConnectionViewSchema }),
  ),
  /** Reads the keychain again (after the user unlocked it). */
  'connections:retryKeychain': channel(z.object({}).strict(), ConnectionListSchema),
  'preferences:get': channel(z.object({}).strict(), PreferencesSchema),
  'preferences:set': channel(PreferencesPatchSchema, PreferencesSchema),
};
