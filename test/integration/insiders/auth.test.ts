import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';
import { startInsidersSimulator, type InsidersSimulator } from '../../../electron/vendors/insiders/simulator';
import { clientFor, smallSeed } from './fixtures';

const DEVICES = 'GET /v1/devices/';


describe('Insiders sign-in and token renewal over real HTTP', () => {
  let sim: InsidersSimulator;
  afterEach(() => sim.close());

  it('says "username or password" for a wrong password, without revealing any secret', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const err = await failure(clientFor(sim, { password: 'not-the-password-123' }).testConnection());
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/refused the username or password/);
    expect(err.message).not.toMatch(/client ID/);
    expect(JSON.stringify(err)).not.toContain('not-the-password-123');
    expect(JSON.stringify(err)).not.toContain(DEMO_CREDENTIALS.insiders.clientSecret);
    expect(sim.requests.get(DEVICES)).toBeUndefined();
  });

  it('says "client ID or client secret" for a wrong client', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const err = await failure(clientFor(sim, { clientSecret: 'wrong-client-secret-xyz' }).testConnection());
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/refused the client ID or client secret/);
    expect(JSON.stringify(err)).not.toContain('wrong-client-secret-xyz');
  });

  it('refreshes shortly BEFORE expiry (short-lived tokens), so no call ever meets a 401', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed(), tokenLifetimeSeconds: 1 });
    const client = clientFor(sim);
    await client.listDevices();
    await new Promise((r) => setTimeout(r, 950)); // past the renewal margin, before the 1 s expiry
    await client.listDevices();
    expect(sim.tokens.grants).toMatchObject({ password: 1, refresh: 1 });
    // Two listings, two requests: none was refused and re-sent.
    expect(sim.requests.get(DEVICES)).toBe(2);
  });

  it('refreshes before expiry on a 10-hour token when the clock reaches the margin', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    let skew = 0;
    const client = clientFor(sim, {}, { now: () => Date.now() + skew });
    await client.listDevices();
    await client.listDevices();
    expect(sim.tokens.grants.refresh).toBe(0);
    skew = 36_000_000 - 60_000; // one minute before expiry
    await client.listDevices();
    expect(sim.tokens.grants).toMatchObject({ password: 1, refresh: 1 });
    expect(sim.requests.get(DEVICES)).toBe(3);
  });

  it('on a 401 (token expired at the server) refreshes once and re-sends the call once', async () => {
    let serverSkew = 0;
    sim = await startInsidersSimulator({ seed: smallSeed(), tokenLifetimeSeconds: 60, now: () => Date.now() + serverSkew });
    const frozen = Date.now();
    const client = clientFor(sim, {}, { now: () => frozen }); // the app believes its token is fresh
    await client.listDevices();
    serverSkew = 120_000;
    expect(await client.listDevices()).toHaveLength(1);
    expect(sim.tokens.grants).toMatchObject({ password: 1, refresh: 1 });
    expect(sim.requests.get(DEVICES)).toBe(3); // ok, 401, re-sent
  });

  it('a write refused with 401 is renewed and sent once more, and applied exactly once', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await client.testConnection();
    sim.tokens.revokeAccessTokens();
    const span = await client.takeOwnership({ serialNumber: '044444', deviceName: '998877665544' });
    expect(span.endTime).toBeNull();
    expect(sim.state.ownershipsByDevice.get(104)).toHaveLength(1);
  });

  it('concurrent calls meeting a 401 share one refresh', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await client.testConnection();
    sim.tokens.revokeAccessTokens();
    await Promise.all(Array.from({ length: 5 }, () => client.listDevices()));
    expect(sim.tokens.grants).toMatchObject({ password: 1, refresh: 1 });
  });

  it('concurrent first calls share one sign-in', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await Promise.all(Array.from({ length: 5 }, () => client.listDevices()));
    expect(sim.tokens.grants.password).toBe(1);
  });

  it('when the refresh token is refused too, signs in with the password once and carries on', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await client.testConnection();
    sim.tokens.revokeAll();
    expect(await client.listDevices()).toHaveLength(1);
    expect(sim.tokens.grants).toMatchObject({ password: 2, refresh: 0, refused: 1 });
  });

  it('gives up with a clear auth error when the password was changed meanwhile', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await client.testConnection();
    sim.tokens.revokeAll();
    sim.credentials.password = 'changed-elsewhere-77';
    const err = await failure(client.listDevices());
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/refused the username or password/);
    expect(sim.tokens.grants).toMatchObject({ password: 1, refused: 2 }); // one refresh, one password: no loop
  });

  it('stops after one renewal when the API keeps answering 401, with a message that says so', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await client.testConnection();
    sim.tokens.apiAccessWithdrawn = true;
    const err = await failure(client.listDevices());
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('Insiders still refuses this connection after signing in again. The account may have lost API access.');
    expect(sim.requests.get(DEVICES)).toBe(3); // testConnection, 401, one re-send
    expect(sim.tokens.grants.refresh).toBe(1);
  });
});
