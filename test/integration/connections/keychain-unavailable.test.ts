import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainMessage, MemorySecretStore } from '../../../electron/connections/secret-store';
import { startVendorAccounts, type VendorAccounts } from '../../fixtures/vendor-accounts';
import { startServices, waitFor } from './harness';

/**
 * The keychain cannot be used: no Secret Service at all, or a locked
 * collection. The app must still open on the cached fleet, say why live
 * calls are disabled and how to fix it, and never put a secret elsewhere.
 */
const run = promisify(execFile);
const CHILD = join(__dirname, 'fixtures/keychain-child.ts');
let accounts: VendorAccounts;

beforeAll(async () => {
  accounts = await startVendorAccounts({ devices: 30, seed: 31 });
});
afterAll(() => accounts?.close());

interface Report {
  info: { demo: boolean };
  status: { liveCallsDisabled: string | null; freshness: Array<{ connectionId: string; deviceCount: number }> };
  list: { keychain: { state: string; message: string | null }; connections: Array<{ id: string; live: boolean; problem: string | null }> };
  devices: number;
  test: { ok: boolean; problem: string | null; message: string };
  save: { kind: string; message: string };
  remove: { kind: string; message: string };
}

const parse = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Report;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function expectNoSecretOnDisk(dir: string, secrets: string[]) {
  const files = filesUnder(dir);
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) {
    const text = readFileSync(f, 'latin1');
    for (const s of secrets) expect(text.includes(s), `${s.slice(0, 12)}… found in ${f}`).toBe(false);
  }
}

describe('keychain unavailable', () => {
  it('no Secret Service: opens on the cached fleet, says why live calls are off, refuses to save secrets', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdesk-nokeychain-'));
    const app = await startServices({ dataDir });
    await app.call('connections:save', accounts.save.absolute);
    await app.call('connections:save', accounts.save.algosec);
    await waitFor(async () => (await app.call('app:status', {})).freshness.every((f) => f.asOf !== null && f.deviceCount > 0), 'both accounts to sync');
    const cached = (await app.call('fleet:search', { query: '', limit: 0 })).total;
    await app.close();

    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, 'open'], {
      env: { ...process.env, FLEETDESK_TEST_DATA_DIR: dataDir, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
      timeout: 90_000,
    });
    const r = parse(stdout);
    const why = keychainMessage('unavailable', 'linux', 'Could not connect: No such file or directory');
    expect(why).toBe("fleetdesk cannot reach the system keychain (Could not connect: No such file or directory): start your desktop's keyring (GNOME Keyring or KWallet with the Secret Service), then press Retry.");

    expect(r.devices).toBe(cached);
    expect(r.info.demo).toBe(false);
    expect(r.status.liveCallsDisabled).toBe(why);
    expect(r.list.keychain).toEqual({ state: 'unavailable', message: why });
    expect(r.list.connections.map((c) => [c.live, c.problem])).toEqual([
      [false, why],
      [false, why],
    ]);
    expect(r.test).toMatchObject({ ok: false, problem: 'keychain', message: why });
    expect(r.save).toEqual(expect.objectContaining({ kind: 'keychain', message: why }));
    expect(r.remove.message).toBe(`"Absolute (tests)" was not removed: fleetdesk must delete its secrets from the keychain first. ${why}`);
    expectNoSecretOnDisk(dataDir, [...accounts.secrets, 'typed-while-locked-7f3a']);
  }, 120_000);

  it('Retry after unlocking: the connection gets its client back and syncs again', async () => {
    const secrets = new MemorySecretStore();
    const first = await startServices({ secrets });
    const { connection } = await first.call('connections:save', accounts.save.telemetron);
    const synced = await waitFor(async () => (await first.call('app:status', {})).freshness.find((f) => f.connectionId === connection.id)?.asOf, 'the first sync');
    await first.close();

    secrets.failWith = 'locked';
    const app = await startServices({ dataDir: first.dataDir, secrets });
    try {
      await waitFor(async () => (await app.call('connections:list', {})).keychain.state === 'unavailable', 'the keychain check');
      expect((await app.call('app:status', {})).liveCallsDisabled).toBe(keychainMessage('locked'));
      expect((await app.call('sync:start', {})).started).toEqual([]);

      secrets.failWith = null;
      const list = await app.call('connections:retryKeychain', {});
      expect(list.keychain).toEqual({ state: 'ok', message: null });
      expect(list.connections[0]).toMatchObject({ id: connection.id, live: true, problem: null });
      expect((await app.call('app:status', {})).liveCallsDisabled).toBeNull();
      await waitFor(async () => ((await app.call('app:status', {})).freshness.find((f) => f.connectionId === connection.id)?.asOf ?? '') > synced, 'a sync after Retry');
    } finally {
      await app.close();
    }
  });

  it('a locked keyring: says it is locked and how to unlock, and keeps the cached fleet', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdesk-locked-'));
    // Its own D-Bus session and keyring: locking the shared one would break the tests running next to this one.
    const script = `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "${process.execPath}" --import tsx "${CHILD}" save-lock-open`;
    const { stdout } = await run('dbus-run-session', ['--', 'bash', '-c', script], {
      // XDG_DATA_HOME: its own keyring files too, or an existing keyring with another password stays locked from the start.
      env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'fleetdesk-keyring-')), FLEETDESK_TEST_DATA_DIR: dataDir, FLEETDESK_TEST_SAVE: JSON.stringify([accounts.save.insiders, accounts.save.telemetron]) },
      timeout: 120_000,
    });
    const r = parse(stdout);
    const why = keychainMessage('locked', 'linux');
    expect(r.devices).toBeGreaterThan(0);
    expect(r.status.freshness.map((f) => f.deviceCount).every((n) => n > 0)).toBe(true);
    expect(r.status.liveCallsDisabled).toBe(why);
    expect(r.list.connections.every((c) => !c.live && c.problem === why)).toBe(true);
    expect(r.test).toMatchObject({ ok: false, problem: 'keychain', message: why });
    expect(r.save).toEqual(expect.objectContaining({ kind: 'keychain', message: why }));
    expectNoSecretOnDisk(dataDir, [...accounts.secrets, 'typed-while-locked-7f3a']);
  }, 150_000);
});
