import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { fetchCertificate } from '../../../electron/vendors/algosec/client';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { clientFor, fleetSeed, selfSignedCert } from './fixtures';


describe('AlgoSec self-signed appliance (https)', () => {
  let sim: AlgosecSimulator;
  beforeAll(async () => {
    sim = await startAlgosecSimulator({ seed: fleetSeed(30, 3), tls: selfSignedCert('afa.fleetdesk.test') });
  });
  afterAll(() => sim.close());

  it('reads the certificate so the user can decide, and says the OS does not trust it', async () => {
    const cert = await fetchCertificate(sim.url);
    expect(sim.url.startsWith('https://')).toBe(true);
    expect(cert.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.subject).toContain('CN=afa.fleetdesk.test');
    expect(cert.issuer).toContain('CN=afa.fleetdesk.test');
    expect(cert.trustedByOs).toBe(false);
    expect(Date.parse(cert.validTo)).toBeGreaterThan(Date.now());
  });

  it('refuses an untrusted certificate when nothing is pinned', async () => {
    const e = await failure(clientFor(sim).listDevices());
    expect(e.kind).toBe('tls');
    expect(e.message).toContain('certificate is not trusted');
    expect(sim.sessions.counts.logins).toBe(0);
  });

  it('works with the pinned fingerprint from fetchCertificate', async () => {
    const { sha256 } = await fetchCertificate(sim.url);
    const client = clientFor(sim, { pinnedCertSha256: sha256 });
    expect(await client.listDevices()).toHaveLength(30);
    await client.testConnection();
    await client.logout();
  });

  it('refuses a certificate that does not match the pin, before sending the password', async () => {
    const loginsBefore = sim.sessions.counts.logins + sim.sessions.counts.refused;
    const wrongPin = 'AB:'.repeat(31) + 'AB';
    const e = await failure(clientFor(sim, { pinnedCertSha256: wrongPin }).testConnection());
    expect(e.kind).toBe('tls');
    expect(e.message).toContain('does not match');
    expect(sim.sessions.counts.logins + sim.sessions.counts.refused).toBe(loginsBefore);
  });

  it('does not trust a pinned certificate globally: another connection without the pin is still refused', async () => {
    const { sha256 } = await fetchCertificate(sim.url);
    await clientFor(sim, { pinnedCertSha256: sha256 }).listDevices();
    expect((await failure(clientFor(sim).listDevices())).kind).toBe('tls');
  });

  it('explains that an http address has no certificate', async () => {
    const e = await failure(fetchCertificate('http://127.0.0.1:1'));
    expect(e.kind).toBe('bad-request');
    expect(e.message).toContain('does not use https');
  });
});
