import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../electron/connections/keytar-secret-store';
import { startVendorAccounts, type VendorAccounts } from '../../fixtures/vendor-accounts';
import { startServices, waitFor, type Harness } from './harness';

/**
 * Real connections end to end below the UI: settings in conf, secrets in the
 * real keyring, clients against the vendor simulators over HTTP.
 */
const keychain = new KeytarSecretStore();
let accounts: VendorAccounts;
let eu: VendorAccounts;
let app: Harness;

beforeAll(async () => {
  [accounts, eu] = await Promise.all([startVendorAccounts({ devices: 40, seed: 21 }), startVendorAccounts({ devices: 30, seed: 22 })]);
  app = await startServices();
});
afterAll(async () => {
  await app?.close();
  await Promise.all([accounts?.close(), eu?.close()]);
});

const total = async (query: string) => (await app.call('fleet:search', { query, limit: 0 })).total;
/** A serial only this account has (the demo generator puts its anomaly devices in every fleet). */
const ownSerial = (of: VendorAccounts, other: VendorAccounts, nth = 0) => {
  const theirs = new Set(other.fleet.absolute.devices.map((d) => d.serial));
  return of.fleet.absolute.devices.filter((d) => !theirs.has(d.serial) && d.agentStatus === 'A' && !d.isStolen)[nth]!.serial;
};

describe('saved connections', () => {
  it('open on the demo fleet while none is saved', async () => {
    expect((await app.call('app:info', {})).demo).toBe(true);
    const list = await app.call('connections:list', {});
    expect(list.demo.running).toBe(true);
    expect(list.connections.map((c) => c.id)).toEqual(['demo-absolute', 'demo-telemetron', 'demo-insiders', 'demo-algosec']);
  });

  it('keep the secret in the keychain only, sync through a client built from it, and turn the demo fleet off', async () => {
    const { connection } = await app.call('connections:save', accounts.save.absolute);
    expect(connection).toMatchObject({ vendor: 'absolute', label: 'Absolute (tests)', demo: false, secrets: { tokenSecret: { set: true } }, settings: { region: 'cadc' } });
    expect(JSON.stringify(connection)).not.toContain(accounts.save.absolute.secrets.tokenSecret);
    expect(await keychain.get(connection.id, 'tokenSecret')).toBe(accounts.save.absolute.secrets.tokenSecret);

    // The first own account stops the demo fleet: its simulators and devices go away.
    expect((await app.call('app:info', {})).demo).toBe(false);
    const list = await app.call('connections:list', {});
    expect(list.connections.map((c) => c.id)).toEqual([connection.id]);
    expect(list.demo).toMatchObject({ running: false, why: expect.stringContaining('off because you have your own accounts') });

    const serial = ownSerial(accounts, eu);
    await waitFor(async () => (await total(serial)) === 1, 'the new account to sync');
    expect(await total('')).toBe(accounts.fleet.absolute.devices.length);

    const test = await app.call('connections:test', { id: connection.id });
    expect(test).toMatchObject({ ok: true, problem: null, message: 'Connected: Absolute accepted the token and listed devices (region cadc).' });
    expect((await app.call('connections:list', {})).connections[0]!.verifiedAt).toBe(test.checkedAt);
  });

  it('run two accounts of one vendor side by side (two Absolute regions)', async () => {
    const { connection } = await app.call('connections:save', { ...eu.save.absolute, label: 'Absolute EU', settings: { ...eu.save.absolute.settings, region: 'eudc' } } as never);
    await waitFor(async () => (await total(ownSerial(eu, accounts))) === 1, 'the second account to sync');
    const freshness = (await app.call('app:status', {})).freshness.filter((f) => f.vendor === 'absolute');
    expect(freshness.map((f) => f.deviceCount).sort((a, b) => a - b)).toEqual([eu.fleet.absolute.devices.length, accounts.fleet.absolute.devices.length].sort((a, b) => a - b));
    const device = (await app.call('fleet:search', { query: ownSerial(eu, accounts) })).rows[0]!;
    expect((await app.call('fleet:device', { key: device.key })).device?.absolute?.connectionId).toBe(connection.id);
  });

  it("unenroll across two Absolute accounts: the review names each device's account, and each run goes to one account", async () => {
    const [mine, theirs] = [ownSerial(accounts, eu, 1), ownSerial(eu, accounts, 1)];
    const review = await app.call('unenroll:review', { text: `${mine}\n${theirs}` });
    const [first, second] = (await app.call('connections:list', {})).connections;
    expect(review.accounts.map((a) => [a.label, a.region])).toEqual([
      ['Absolute (tests)', 'cadc'],
      ['Absolute EU', 'eudc'],
    ]);
    expect(review.rows.map((r) => r.connectionId).sort()).toEqual([first!.id, second!.id].sort());
    const keys = review.rows.map((r) => r.key);

    expect(await app.failure('unenroll:start', { deviceKeys: keys })).toMatchObject({
      kind: 'bad-request',
      message: 'These devices are in 2 Absolute accounts (Absolute (tests): 1, Absolute EU: 1): send them one account at a time.',
    });
    const sentBefore = eu.sims.absolute.requests.get('POST /v2/device-unenrollment/unenroll') ?? 0;
    const { runId } = await app.call('unenroll:start', { deviceKeys: keys, connectionId: second!.id });
    const run = await waitFor(async () => {
      const r = await app.call('unenroll:run', { runId });
      return r.state === 'finished' && r;
    }, 'the unenroll run');
    expect(run.account.label).toBe('Absolute EU');
    expect(run.rows.map((r) => r.serial)).toEqual([theirs]);
    expect(eu.sims.absolute.requests.get('POST /v2/device-unenrollment/unenroll')).toBe(sentBefore + 1);
    expect(accounts.sims.absolute.requests.get('POST /v2/device-unenrollment/unenroll') ?? 0).toBe(0);
  });

  it('edit without retyping secrets keeps them; renaming keeps the client', async () => {
    const id = (await app.call('connections:list', {})).connections.find((c) => c.label === 'Absolute EU')!.id;
    const renamed = await app.call('connections:save', { ...eu.save.absolute, id, label: 'Absolute Europe', settings: { ...eu.save.absolute.settings, region: 'eudc' }, secrets: {} } as never);
    expect(renamed.connection).toMatchObject({ label: 'Absolute Europe', live: true, secrets: { tokenSecret: { set: true } } });
    expect((await app.call('connections:test', { id })).ok).toBe(true);
  });

  it('Telemetron syncs the customers it is told to watch, and keeps reading the ones it has seen', async () => {
    const [watched, dropped] = accounts.fleet.telemetron.customers.filter((c) => c.devices.length > 0);
    const request = accounts.save.telemetron as Extract<typeof accounts.save.telemetron, { vendor: 'telemetron' }>;
    const { connection } = await app.call('connections:save', { ...request, settings: { ...request.settings, customerEmails: [watched!.email, dropped!.email] } });
    const count = async () => (await app.call('app:status', {})).freshness.find((f) => f.connectionId === connection.id);
    await waitFor(async () => (await count())?.asOf, 'the Telemetron sync');
    const expected = new Set([...watched!.devices, ...dropped!.devices]).size;
    expect(expected).toBeGreaterThan(watched!.devices.length);
    expect((await count())?.deviceCount).toBe(expected);

    // No longer watched, but seen before: its devices stay in view.
    const asOf = (await count())!.asOf;
    await app.call('connections:save', { ...request, id: connection.id, settings: { ...request.settings, customerEmails: [watched!.email] }, secrets: {} });
    await waitFor(async () => (await count())?.asOf !== asOf, 'the next Telemetron sync');
    expect((await count())?.deviceCount).toBe(expected);
    await app.call('connections:remove', { id: connection.id, purgeCache: true });
  });

  it('remove deletes the keychain entries and, when asked, the cached data', async () => {
    const [first, second] = (await app.call('connections:list', {})).connections;
    const cacheFiles = (id: string) => readdirSync(join(app.dataDir, 'cache')).filter((f) => f.startsWith(id));
    expect(cacheFiles(first!.id).length).toBeGreaterThan(0);

    expect(await app.call('connections:remove', { id: first!.id, purgeCache: true })).toEqual({ removed: first!.id, cachePurged: true });
    expect(await keychain.get(first!.id, 'tokenSecret')).toBeNull();
    expect(cacheFiles(first!.id)).toEqual([]);
    expect(await total(ownSerial(accounts, eu))).toBe(0);
    expect(await total(ownSerial(eu, accounts))).toBe(1);

    // Without purge the file stays on disk, but the devices leave the fleet.
    await app.call('connections:remove', { id: second!.id, purgeCache: false });
    expect(await keychain.get(second!.id, 'tokenSecret')).toBeNull();
    expect(cacheFiles(second!.id).length).toBeGreaterThan(0);
    expect(existsSync(join(app.dataDir, 'settings.json'))).toBe(true);

    // No account left: the demo fleet comes back.
    expect((await app.call('app:info', {})).demo).toBe(true);
    expect((await app.call('connections:list', {})).connections.every((c) => c.demo)).toBe(true);
  });
});
