import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionRegistry } from '../../../electron/connections/registry';
import { MemorySecretStore } from '../../../electron/connections/secret-store';
import { memorySettings } from '../../../electron/connections/settings-store';
import { fetchCertificate } from '../../../electron/vendors/algosec/certificate';
import { NO_DEVICE_ACCESS_TOKEN } from '../../../electron/vendors/absolute/simulator';
import { NON_ADMIN_USER, startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { SaveConnectionSchema } from '../../../shared/connections';
import { startVendorAccounts, type SaveRequest, type VendorAccounts } from '../../fixtures/vendor-accounts';
import { selfSignedCert } from '../algosec/fixtures';

/**
 * "Test connection" against the vendor simulators, one case per way it can
 * fail, each checking the exact words the technician reads.
 */
let accounts: VendorAccounts;
let registry: ConnectionRegistry;
const secrets = new MemorySecretStore();

beforeAll(async () => {
  accounts = await startVendorAccounts({ devices: 20, seed: 5 });
  registry = new ConnectionRegistry({
    settings: memorySettings(),
    secrets,
    startDemo: () => Promise.reject(new Error('the demo fleet is not used here')),
    seenCustomers: () => [],
    fleet: { add: () => {}, sync: async () => {}, remove: async () => {} },
    changed: () => {},
    // Short limits so the "no answer" case does not take 30 s.
    http: { timeoutMs: 1500, connectTimeoutMs: 1500, backoffBaseMs: 5 },
  });
});
afterAll(async () => {
  await accounts?.close();
});

/** Saves a connection (checked as the save channel checks it) and tests it. */
async function testOf(request: SaveRequest) {
  const { id } = await registry.save(SaveConnectionSchema.parse(request));
  return registry.test(id);
}

const hostOf = (url: string) => new URL(url).host;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('test connection: what the technician reads', () => {
  it('works with the right credentials, for every vendor', async () => {
    expect(await testOf(accounts.save.absolute)).toMatchObject({ ok: true, message: 'Connected: Absolute accepted the token and listed devices (region cadc).' });
    expect(await testOf(accounts.save.telemetron)).toMatchObject({ ok: true, message: 'Connected: Telemetron accepted the API key.' });
    expect(await testOf(accounts.save.insiders)).toMatchObject({ ok: true, message: 'Connected: signed in to Insiders as tech@example.com and read the device list.' });
    expect(await testOf(accounts.save.algosec)).toMatchObject({
      ok: true,
      message: 'Connected: signed in to AlgoSec as admin, with the administrator access the group APIs need.',
    });
    // The fresh test session is closed again on the appliance.
    expect(accounts.sims.algosec.sessions.counts.logouts).toBeGreaterThan(0);
  });

  it('wrong key or password, per vendor', async () => {
    expect(await testOf({ ...accounts.save.absolute, secrets: { tokenSecret: 'not-the-secret' } } as SaveRequest)).toMatchObject({
      ok: false,
      problem: 'wrong-credentials',
      message: 'Wrong token: Absolute refused the signature. Check the token ID and token secret (and the region the token was made in), then save them again.',
    });
    expect(await testOf({ ...accounts.save.telemetron, secrets: { apiKey: 'not-the-key' } } as SaveRequest)).toMatchObject({
      problem: 'wrong-credentials',
      message: 'Wrong API key: Telemetron refused it. Copy the key again from Telemetron and save it here.',
      vendorMessage: 'Invalid or missing API key',
    });
    const insiders = accounts.save.insiders as Extract<SaveRequest, { vendor: 'insiders' }>;
    expect(await testOf({ ...insiders, secrets: { ...insiders.secrets, password: 'wrong password' } })).toMatchObject({
      problem: 'wrong-credentials',
      message: 'Wrong username or password: Insiders refused the sign-in of tech@example.com (invalid_grant).',
    });
    expect(await testOf({ ...insiders, secrets: { ...insiders.secrets, clientSecret: 'wrong client secret' } })).toMatchObject({
      problem: 'wrong-credentials',
      message: 'Wrong client ID or client secret: Insiders refused the app credentials (invalid_client).',
    });
    expect(await testOf({ ...accounts.save.algosec, secrets: { password: 'wrong password' } } as SaveRequest)).toMatchObject({
      problem: 'wrong-credentials',
      message: 'Wrong username or password: AlgoSec refused the sign-in of admin.',
    });
  });

  it('clock skew (Absolute), with the offset', async () => {
    accounts.sims.absolute.switches.clockOffsetMs = -12 * 60_000;
    try {
      expect(await testOf(accounts.save.absolute)).toMatchObject({
        ok: false,
        problem: 'clock-skew',
        message: "Clock skew: Absolute refuses requests signed more than 5 minutes away from its own time. This computer's clock is 12 minutes ahead of Absolute's. Correct the date, time and time zone, then test again.",
      });
    } finally {
      accounts.sims.absolute.switches.clockOffsetMs = 0;
    }
  });

  it('host unreachable (nothing listens on the port)', async () => {
    const port = await closedPort();
    const absolute = accounts.save.absolute as Extract<SaveRequest, { vendor: 'absolute' }>;
    expect(await testOf({ ...absolute, settings: { ...absolute.settings, baseUrl: `http://127.0.0.1:${port}` } })).toMatchObject({
      ok: false,
      problem: 'unreachable',
      message: `Host unreachable: nothing answers at 127.0.0.1:${port} (ECONNREFUSED). Check the address, and that this computer is online (VPN, proxy).`,
    });
  });

  it('no answer in time', async () => {
    accounts.sims.telemetron.setFaults({ latencyMs: 4000 });
    try {
      expect(await testOf(accounts.save.telemetron)).toMatchObject({
        ok: false,
        problem: 'timeout',
        message: `No answer: Telemetron at ${hostOf(accounts.sims.telemetron.url)} did not answer in time. Check the address, VPN or proxy, then test again.`,
      });
    } finally {
      accounts.sims.telemetron.setFaults({});
    }
  });

  it('permission missing: an AlgoSec account that is not an administrator, an Absolute token without device access', async () => {
    expect(await testOf({ ...accounts.save.algosec, settings: { host: accounts.sims.algosec.url, username: NON_ADMIN_USER.username }, secrets: { password: NON_ADMIN_USER.password } } as SaveRequest)).toMatchObject({
      ok: false,
      problem: 'permission',
      message: 'Permission missing: AlgoSec accepted the sign-in, but auditor is not an administrator, and the group APIs fleetdesk uses are admin only. Use an administrator account.',
      vendorMessage: 'User does not have permission to modify the group. This API requires administrator permissions',
    });
    const absolute = accounts.save.absolute as Extract<SaveRequest, { vendor: 'absolute' }>;
    expect(await testOf({ ...absolute, settings: { ...absolute.settings, tokenId: NO_DEVICE_ACCESS_TOKEN.tokenId }, secrets: { tokenSecret: NO_DEVICE_ACCESS_TOKEN.tokenSecret } })).toMatchObject({
      ok: false,
      problem: 'permission',
      message: "Permission missing: Absolute accepted the token, but the token's role may not read devices. Give the role device access in the Absolute console, or use another token.",
      vendorMessage: 'The API token does not have permission to perform this operation.',
    });
  });

  it('a vendor error, with the vendor’s own message', async () => {
    accounts.sims.insiders.setFaults({ rate500: 1 });
    try {
      expect(await testOf(accounts.save.insiders)).toMatchObject({
        ok: false,
        problem: 'vendor-error',
        message: 'Insiders answered with an error (HTTP 500): “Internal Server Error”. Test again in a moment; if it persists, contact the vendor.',
        vendorMessage: 'Internal Server Error',
      });
    } finally {
      accounts.sims.insiders.setFaults({});
    }
  });

  describe('a self-signed AlgoSec appliance', () => {
    let tls: AlgosecSimulator;
    let port: number;
    beforeAll(async () => {
      tls = await startAlgosecSimulator({ seed: accounts.fleet.algosec, credentials: { username: 'admin', password: 'tls-appliance-pass' }, tls: selfSignedCert('afa.fleetdesk.test') });
      port = tls.port;
    });
    afterAll(() => tls?.close());

    it('is not trusted until the user pins the fingerprint the test showed; a changed certificate is refused again', async () => {
      const { id } = await registry.save(SaveConnectionSchema.parse({ vendor: 'algosec', label: 'Lab appliance', settings: { host: tls.url, username: 'admin' }, secrets: { password: 'tls-appliance-pass' } }));
      const untrusted = await registry.test(id);
      const expected = await fetchCertificate(tls.url);
      expect(untrusted).toMatchObject({
        ok: false,
        problem: 'tls-untrusted',
        message: `Certificate not trusted: 127.0.0.1:${port} shows a certificate this computer does not trust (self-signed, or from an unknown authority). Compare its fingerprint below with the one your AlgoSec administrator gives you, and trust it only if they match.`,
        certificate: { sha256: expected.sha256, subject: expect.stringContaining('CN=afa.fleetdesk.test'), trustedByOs: false },
      });
      expect(tls.sessions.counts.logins + tls.sessions.counts.refused).toBe(0);

      // A fingerprint that is not the appliance's is never pinned.
      await expect(registry.trustCertificate(id, 'AB:'.repeat(31) + 'AB')).rejects.toThrow('is not the one shown any more');
      const trusted = await registry.trustCertificate(id, untrusted.certificate!.sha256);
      expect(trusted.pinnedCertSha256).toBe(expected.sha256);
      expect(await registry.test(id)).toMatchObject({ ok: true });

      // The appliance comes back with another certificate on the same address.
      await tls.close();
      tls = await startAlgosecSimulator({ seed: accounts.fleet.algosec, credentials: { username: 'admin', password: 'tls-appliance-pass' }, tls: selfSignedCert('afa.fleetdesk.test'), port });
      const changed = await registry.test(id);
      expect(changed).toMatchObject({
        ok: false,
        problem: 'tls-changed',
        message: `Certificate changed: 127.0.0.1:${port} now shows a different certificate from the one you trusted for this connection. The appliance may have a new certificate, or someone may be intercepting the connection: trust the new one only after checking its fingerprint with your AlgoSec administrator.`,
      });
      expect(changed.certificate?.sha256).not.toBe(expected.sha256);
    });
  });
});
