import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from 'conf';
import { z } from 'zod';
import { VENDOR_SETTINGS } from '../../shared/connections';
import { DEFAULT_PREFERENCES, PreferencesPatchSchema, PreferencesSchema, type Preferences } from '../../shared/preferences';
import { VENDORS, type VendorId } from '../../shared/vendors';

/**
 * The settings file: connections (never their secrets) and preferences, and
 * nothing else (electron-store rewrites the whole file on every change).
 * electron-store in the desktop app and conf in the browser host (the library
 * electron-store wraps) open it with the same options from here: schema,
 * format version and migrations.
 */

export const SETTINGS_FILE = 'settings';
/** Format version of the file (a semver string, as conf's migrations expect). */
export const SETTINGS_VERSION = '1.0.0';

const StoredConnectionSchema = z.object({
  id: z.string(),
  vendor: z.enum(VENDORS),
  label: z.string(),
  settings: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  /** Which secret fields were written to the keychain (names only). */
  secretsSet: z.array(z.string()),
  /** SHA-256 of the AlgoSec certificate the user chose to trust. */
  pinnedCertSha256: z.string().nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
});

const SettingsFileSchema = z.object({
  connections: z.array(StoredConnectionSchema),
  preferences: PreferencesSchema,
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** A saved connection, its settings checked against its vendor's schema. */
export type StoredConnection = { [V in VendorId]: Omit<z.infer<typeof StoredConnectionSchema>, 'vendor' | 'settings'> & { vendor: V; settings: z.output<(typeof VENDOR_SETTINGS)[V]> } }[VendorId];

/**
 * Files written before settings had a version kept the preferences at the top
 * level. Version 1 keeps them under `preferences`, next to `connections`.
 */
const PREFERENCE_KEYS = Object.keys(PreferencesSchema.shape) as Array<keyof Preferences>;

interface MigratingStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  has(key: string): boolean;
}

export const SETTINGS_MIGRATIONS = {
  '1.0.0': (store: MigratingStore) => {
    const preferences = { ...DEFAULT_PREFERENCES, ...(store.get('preferences') as Partial<Preferences> | undefined) };
    for (const key of PREFERENCE_KEYS) {
      if (!store.has(key)) continue;
      const value = PreferencesSchema.shape[key].safeParse(store.get(key));
      // A value the current rules refuse keeps its default rather than failing the whole file.
      if (value.success) (preferences as Record<string, unknown>)[key] = value.data;
      store.delete(key);
    }
    store.set('preferences', preferences);
    if (!Array.isArray(store.get('connections'))) store.set('connections', []);
  },
};

/** Options for `new Conf(...)` and `new ElectronStore(...)`: the same file, schema, version and migrations. */
export function settingsFileOptions(dataDir: string) {
  // The JSON Schema conf validates with, generated from the zod schema the app reads with.
  const properties = z.toJSONSchema(SettingsFileSchema).properties as unknown as Schema<SettingsFile>;
  return {
    cwd: dataDir,
    // conf reads `configName`; electron-store reads `name` (and overwrites configName with it).
    configName: SETTINGS_FILE,
    name: SETTINGS_FILE,
    projectVersion: SETTINGS_VERSION,
    schema: properties,
    defaults: { connections: [], preferences: DEFAULT_PREFERENCES },
    migrations: SETTINGS_MIGRATIONS,
    // A damaged file is set aside by openSettings, never silently emptied.
    clearInvalidConfig: false,
  };
}

/** What Settings needs of conf / electron-store (tests pass an in-memory one). */
export interface SettingsBacking {
  get<K extends keyof SettingsFile>(key: K): SettingsFile[K];
  set<K extends keyof SettingsFile>(key: K, value: SettingsFile[K]): void;
}

/**
 * Opens the settings file with the host's store class. A file that cannot be
 * read (damaged, or refused by the schema) is renamed aside and a fresh one is
 * started, with a problem saying where the old one went.
 */
export function openSettings(dataDir: string, create: (options: ReturnType<typeof settingsFileOptions>) => SettingsBacking): Settings {
  const options = settingsFileOptions(dataDir);
  try {
    return new Settings(create(options));
  } catch (err) {
    const path = join(dataDir, `${SETTINGS_FILE}.json`);
    if (!existsSync(path)) throw err;
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 200);
    return new Settings(create(options), [`The settings file could not be read (${reason}); it was kept as ${aside} and fleetdesk started with fresh settings. Add your connections again; their old keychain entries stay until you remove them in your keychain app.`]);
  }
}

/** Settings in memory (unit tests; the default when a host passes none). */
export function memorySettings(initial: Partial<SettingsFile> = {}): Settings {
  const data: SettingsFile = { connections: [], preferences: DEFAULT_PREFERENCES, ...structuredClone(initial) };
  return new Settings({
    get: (key) => structuredClone(data[key]),
    set: (key, value) => void (data[key] = structuredClone(value)),
  });
}

/** Typed access to the settings file, write-through, with every entry checked when read. */
export class Settings {
  private list: StoredConnection[];
  private prefs: Preferences;

  constructor(
    private readonly backing: SettingsBacking,
    /** Plain-words problems found when opening (shown on the Connections screen). */
    readonly problems: string[] = [],
  ) {
    this.prefs = PreferencesSchema.parse(backing.get('preferences') ?? {});
    this.list = [];
    for (const raw of backing.get('connections') ?? []) {
      const checked = VENDOR_SETTINGS[raw.vendor]?.safeParse(raw.settings);
      if (checked?.success) this.list.push({ ...raw, settings: checked.data } as StoredConnection);
      else this.problems.push(`The saved connection "${raw.label}" could not be read and is left out (${checked?.error.issues[0]?.message ?? 'unknown vendor'}).`);
    }
  }

  connections(): readonly StoredConnection[] {
    return this.list;
  }

  connection(id: string): StoredConnection | undefined {
    return this.list.find((c) => c.id === id);
  }

  /** Adds a connection, or replaces the one with the same id. */
  putConnection(connection: StoredConnection): void {
    const next = this.list.some((c) => c.id === connection.id) ? this.list.map((c) => (c.id === connection.id ? connection : c)) : [...this.list, connection];
    this.backing.set('connections', next as SettingsFile['connections']);
    this.list = next;
  }

  removeConnection(id: string): void {
    const next = this.list.filter((c) => c.id !== id);
    this.backing.set('connections', next as SettingsFile['connections']);
    this.list = next;
  }

  preferences(): Preferences {
    return this.prefs;
  }

  setPreferences(patch: z.input<typeof PreferencesPatchSchema>): Preferences {
    const next = PreferencesSchema.parse({ ...this.prefs, ...PreferencesPatchSchema.parse(patch) });
    this.backing.set('preferences', next);
    this.prefs = next;
    return next;
  }
}
