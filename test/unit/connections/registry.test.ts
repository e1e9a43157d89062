import { describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../../electron/connections/connections';
import { ConnectionRegistry, type FleetHooks } from '../../../electron/connections/registry';
import { keychainMessage, MemorySecretStore, secretAccount } from '../../../electron/connections/secret-store';
import { memorySettings, type Settings, type StoredConnection } from '../../../electron/connections/settings-store';
import type { RunningSimulators } from '../../../electron/vendors/demo-fleet/start-all';

/** A stand-in for the demo simulators: the registry only reads their addresses (clients send nothing until used). */
function fakeDemo() {
  const close = vi.fn(async () => {});
  const running = {
    info: {
      absolute: { url: 'http://127.0.0.1:1', region: 'cadc', tokenId: 't', tokenSecret: 's' },
      telemetron: { url: 'http://127.0.0.1:2', apiKey: 'k' },
      insiders: { url: 'http://127.0.0.1:3', tokenUrl: 'http://127.0.0.1:3/oauth2/token/', username: 'u', password: 'p', clientId: 'c', clientSecret: 'cs' },
      algosec: { url: 'http://127.0.0.1:4', username: 'u', password: 'p' },
    },
    fleet: { telemetron: { customers: [] } },
    close,
  } as unknown as RunningSimulators;
  return { running, close };
}

function setup(o: { settings?: Settings; secrets?: MemorySecretStore } = {}) {
  const settings = o.settings ?? memorySettings();
  const secrets = o.secrets ?? new MemorySecretStore();
  const demos: Array<ReturnType<typeof fakeDemo>> = [];
  const fleet = { added: [] as string[], removed: [] as string[], synced: [] as string[] };
  const hooks: FleetHooks = {
    add: (infos: ConnectionInfo[]) => void fleet.added.push(...infos.map((i) => i.id)),
    sync: async (ids) => void fleet.synced.push(...ids),
    remove: async (infos) => void fleet.removed.push(...infos.map((i) => i.id)),
  };
  const registry = new ConnectionRegistry({
    settings,
    secrets,
    startDemo: async () => {
      const d = fakeDemo();
      demos.push(d);
      return d.running;
    },
    seenCustomers: () => [],
    fleet: hooks,
    changed: () => {},
  });
  return { registry, settings, secrets, demos, fleet };
}

const absolute = { vendor: 'absolute', label: 'Absolute EU', settings: { region: 'eudc', tokenId: 'tok-1' }, secrets: { tokenSecret: 'sekret-value-123' } } as const;
const insidersSaved: StoredConnection = {
  id: 'insiders-0123456789ab',
  vendor: 'insiders',
  label: 'Insiders main',
  settings: { username: 'me@example.com', clientId: 'app' },
  secretsSet: ['password', 'clientSecret'],
  pinnedCertSha256: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: null,
};

describe('demo fleet rule', () => {
  it('runs while no account is saved, stops for the first one, comes back by preference or when the last one goes', async () => {
    const { registry, settings, demos, fleet } = setup();
    await registry.start();
    expect(demos).toHaveLength(1);
    expect(registry.list().map((c) => c.id)).toEqual(['demo-absolute', 'demo-telemetron', 'demo-insiders', 'demo-algosec']);

    const { id } = await registry.save(absolute);
    expect(demos[0]!.close).toHaveBeenCalledOnce();
    expect(fleet.removed).toEqual(['demo-absolute', 'demo-telemetron', 'demo-insiders', 'demo-algosec']);
    expect(registry.list().map((c) => c.id)).toEqual([id]);
    expect(registry.views().demo).toEqual({ running: false, why: 'The demo fleet is off because you have your own accounts. Preferences can turn it back on.' });

    settings.setPreferences({ demoFleet: true });
    await registry.preferencesChanged();
    expect(demos).toHaveLength(2);
    expect(registry.list().map((c) => c.demo)).toEqual([true, true, true, true, false]);
    expect(registry.views().demo.why).toContain('next to your accounts');

    settings.setPreferences({ demoFleet: false });
    await registry.preferencesChanged();
    expect(demos[1]!.close).toHaveBeenCalledOnce();
    await registry.remove(id, true);
    expect(demos).toHaveLength(3);
    expect(fleet.added.slice(-4)).toEqual(['demo-absolute', 'demo-telemetron', 'demo-insiders', 'demo-algosec']);
  });
});

describe('keychain', () => {
  it('locked: the cached connection stays listed without a client, live calls say why; Retry connects it', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(insidersSaved.id, 'password', 'pw');
    await secrets.set(insidersSaved.id, 'clientSecret', 'cs');
    secrets.failWith = 'locked';
    const { registry } = setup({ settings: memorySettings({ connections: [insidersSaved] }), secrets });
    await registry.start();
    expect(await registry.unlock()).toEqual([]);

    expect(registry.list().map((c) => c.id)).toEqual([insidersSaved.id]);
    expect(registry.client(insidersSaved.id, 'insiders')).toBeNull();
    expect(registry.sources()).toEqual([]);
    expect(registry.liveCallsDisabled()).toBe(keychainMessage('locked'));
    expect(keychainMessage('locked', 'linux')).toBe('The system keychain is locked: unlock it (log in again or open Passwords and Keys), then press Retry.');
    expect(registry.views()).toMatchObject({ keychain: { state: 'unavailable' }, connections: [{ live: false, problem: keychainMessage('locked') }] });

    secrets.failWith = null;
    expect(await registry.unlock()).toEqual([insidersSaved.id]);
    expect(registry.client(insidersSaved.id, 'insiders')).not.toBeNull();
    expect(registry.liveCallsDisabled()).toBeNull();
  });

  it('a secret gone from an open keychain is named, with what to do', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(insidersSaved.id, 'password', 'pw');
    const { registry } = setup({ settings: memorySettings({ connections: [insidersSaved] }), secrets });
    await registry.start();
    await registry.unlock();
    const why = 'The saved client secret of "Insiders main" is no longer in the system keychain: open Edit, enter it again and save.';
    expect(registry.liveCallsDisabled()).toBe(why);
    expect(registry.views().connections[0]).toMatchObject({ live: false, problem: why, secrets: { password: { set: true }, clientSecret: { set: true } } });
  });

  it('saving while the keychain is locked saves nothing, anywhere', async () => {
    const secrets = new MemorySecretStore();
    secrets.failWith = 'locked';
    const { registry, settings } = setup({ secrets });
    await expect(registry.save(absolute)).rejects.toThrow('The system keychain is locked');
    expect(settings.connections()).toEqual([]);
    expect(secrets.entries.size).toBe(0);
  });

  it('removing while the keychain is locked is refused, so no secret is left behind', async () => {
    const { registry, secrets, settings } = setup();
    const { id } = await registry.save(absolute);
    secrets.failWith = 'locked';
    await expect(registry.remove(id, true)).rejects.toThrow(`"Absolute EU" was not removed: fleetdesk must delete its secrets from the keychain first. ${keychainMessage('locked')}`);
    expect(settings.connection(id)).toBeDefined();
    secrets.failWith = null;
    await registry.remove(id, true);
    expect(secrets.entries.has(secretAccount(id, 'tokenSecret'))).toBe(false);
  });
});

describe('saving', () => {
  it('keeps secrets write-only: the view says set, never the value; leaving a secret out keeps it', async () => {
    const { registry, secrets } = setup();
    const view = await registry.save(absolute);
    expect(view).toMatchObject({ id: expect.stringMatching(/^absolute-[0-9a-f]{12}$/), secrets: { tokenSecret: { set: true } }, live: true, problem: null });
    expect(JSON.stringify(registry.views())).not.toContain('sekret-value-123');
    await registry.save({ ...absolute, id: view.id, label: 'Absolute Europe', secrets: {} });
    expect(secrets.entries.get(secretAccount(view.id, 'tokenSecret'))).toBe('sekret-value-123');
    expect(registry.get(view.id)?.label).toBe('Absolute Europe');
  });

  it('refuses what it cannot save, in plain words', async () => {
    const { registry } = setup();
    await expect(registry.save({ ...absolute, secrets: {} })).rejects.toThrow('Enter the token secret.');
    await expect(registry.save({ vendor: 'insiders', label: 'x', settings: { username: 'u', clientId: 'c' }, secrets: {} })).rejects.toThrow('Enter the password and client secret.');
    const { id } = await registry.save(absolute);
    await expect(registry.save({ vendor: 'telemetron', id, label: 'x', settings: { baseUrl: 'https://t.example', customerEmails: [] }, secrets: { apiKey: 'k' } })).rejects.toThrow('cannot change its vendor');
    await expect(registry.save({ ...absolute, id: 'absolute-000000000000' })).rejects.toThrow('no connection with that id');
    await expect(registry.remove('demo-absolute', false)).rejects.toThrow('The demo accounts cannot be changed or removed');
  });

  it('forgets a trusted certificate when the AlgoSec host changes', async () => {
    const { registry, settings } = setup();
    const saved = await registry.save({ vendor: 'algosec', label: 'AFA', settings: { host: 'https://afa.example.com', username: 'admin' }, secrets: { password: 'pw' } });
    settings.putConnection({ ...settings.connection(saved.id)!, pinnedCertSha256: 'AA:BB' });
    await registry.save({ vendor: 'algosec', id: saved.id, label: 'AFA', settings: { host: 'https://afa.example.com', username: 'admin2' }, secrets: {} });
    expect(settings.connection(saved.id)?.pinnedCertSha256).toBe('AA:BB');
    await registry.save({ vendor: 'algosec', id: saved.id, label: 'AFA', settings: { host: 'https://afa2.example.com', username: 'admin2' }, secrets: {} });
    expect(settings.connection(saved.id)?.pinnedCertSha256).toBeNull();
  });
});
