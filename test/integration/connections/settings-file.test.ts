import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { openSettings, SETTINGS_VERSION, type SettingsFile } from '../../../electron/connections/settings-store';
import { DEFAULT_PREFERENCES } from '../../../shared/preferences';

/** The settings file through conf, the same store class (and options) the browser host uses; electron-store wraps it. */
const open = (dir: string) => openSettings(dir, (options) => new Conf<SettingsFile>(options));
const fileOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
const tmp = () => mkdtempSync(join(tmpdir(), 'fleetdesk-settings-'));

describe('settings file', () => {
  it('starts with defaults, versioned, and keeps what is saved across opens', () => {
    const dir = tmp();
    const first = open(dir);
    expect(first.preferences()).toEqual(DEFAULT_PREFERENCES);
    expect(first.connections()).toEqual([]);
    first.setPreferences({ staleAfterHours: 8 });
    first.putConnection({
      id: 'absolute-0123456789ab',
      vendor: 'absolute',
      label: 'EU Absolute',
      settings: { region: 'eudc', tokenId: 'tok-1' },
      secretsSet: ['tokenSecret'],
      pinnedCertSha256: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      verifiedAt: null,
    });
    expect(fileOf(dir)).toMatchObject({ __internal__: { migrations: { version: SETTINGS_VERSION } }, preferences: { staleAfterHours: 8 } });

    const again = open(dir);
    expect(again.preferences().staleAfterHours).toBe(8);
    expect(again.connections().map((c) => c.label)).toEqual(['EU Absolute']);
    expect(again.problems).toEqual([]);
  });

  it('migrates an unversioned (v0) file: top-level preferences move under "preferences", refused values keep their default', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ staleAfterHours: 12, syncIntervalMinutes: 60, destructiveThreshold: 'lots', syncOnStart: false }));
    const settings = open(dir);
    expect(settings.preferences()).toEqual({ ...DEFAULT_PREFERENCES, staleAfterHours: 12, syncIntervalMinutes: 60, syncOnStart: false });
    const file = fileOf(dir);
    expect(file).toMatchObject({ __internal__: { migrations: { version: SETTINGS_VERSION } }, connections: [] });
    expect(Object.keys(file).sort()).toEqual(['__internal__', 'connections', 'preferences']);
    // Opening again does not migrate twice or lose anything.
    expect(open(dir).preferences().staleAfterHours).toBe(12);
  });

  it('sets a damaged file aside, says where, and starts fresh instead of failing to open', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.json'), '{"connections": [ {"id": ');
    const settings = open(dir);
    expect(settings.connections()).toEqual([]);
    expect(settings.problems[0]).toMatch(/^The settings file could not be read \(.+\); it was kept as .*settings\.json\.damaged-/);
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.damaged-'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"connections": [ {"id": ');
  });

  it('refuses to write what the schema does not allow', () => {
    const settings = open(tmp());
    expect(() => settings.setPreferences({ syncIntervalMinutes: 1 })).toThrow();
    expect(settings.preferences().syncIntervalMinutes).toBe(DEFAULT_PREFERENCES.syncIntervalMinutes);
  });
});
