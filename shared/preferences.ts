import { z } from 'zod';

/** The technician's preferences, kept with the connections in the settings file. */
export const PreferencesSchema = z.object({
  /** Data older than this is shown in amber and must be refreshed before an unenroll. */
  staleAfterHours: z.number().int().min(1).max(24 * 90).default(24),
  /** Sync every connection when fleetdesk starts. */
  syncOnStart: z.boolean().default(true),
  /** Time between background syncs. */
  syncIntervalMinutes: z.number().int().min(5).max(24 * 60).default(30),
  /** Plans with more destructive items than this need the count typed to confirm. */
  destructiveThreshold: z.number().int().min(1).max(100_000).default(25),
  /** Run the built-in demo fleet next to your own accounts (it always runs while you have none). */
  demoFleet: z.boolean().default(false),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

/** A change to some preferences; the others keep their values. */
export const PreferencesPatchSchema = z
  .object({
    staleAfterHours: PreferencesSchema.shape.staleAfterHours.unwrap().optional(),
    syncOnStart: z.boolean().optional(),
    syncIntervalMinutes: PreferencesSchema.shape.syncIntervalMinutes.unwrap().optional(),
    destructiveThreshold: PreferencesSchema.shape.destructiveThreshold.unwrap().optional(),
    demoFleet: z.boolean().optional(),
  })
  .strict();
