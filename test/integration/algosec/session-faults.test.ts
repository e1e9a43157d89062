import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { clientFor, deviceName, dice, fleetSeed, groupName } from './fixtures';
import { describeWait, reportingWaits, type WaitInfo } from '../../../electron/http/wait-reports';


describe('AlgoSec sessions and faults', () => {
  let sim: AlgosecSimulator;
  beforeEach(async () => {
    sim = await startAlgosecSimulator({ seed: fleetSeed(200, 5) });
  });
  afterEach(() => sim.close());

  it('says plainly that the username or password was refused, without the password', async () => {
    const e = await failure(clientFor(sim, { password: 'wrong-password-123' }).listDevices());
    expect(e.kind).toBe('auth');
    expect(e.message).toContain('AlgoSec refused the username or password');
    expect(JSON.stringify(e)).not.toContain('wrong-password-123');
    expect(sim.sessions.counts.refused).toBe(1);
  });

  it('signs in once, reuses the session, and logs out at the end', async () => {
    const client = clientFor(sim);
    await Promise.all([client.listDevices(), client.listDevices(), client.groupsOfDevices([deviceName(1)])]);
    expect(sim.sessions.counts.logins).toBe(1);
    await client.logout();
    expect(sim.sessions.size).toBe(0);
    expect(sim.sessions.counts.logouts).toBe(1);
    // The next call opens a new session.
    await client.listDevices();
    expect(sim.sessions.counts.logins).toBe(2);
  });

  it('signs in again once when the appliance drops every session mid-run, and finishes the work', async () => {
    const client = clientFor(sim);
    await client.listDevices();
    sim.expireSessions();
    const [fleet] = await Promise.all([client.listFleet(), client.addDevices(groupName(0), [deviceName(150)])]);
    expect(fleet).toHaveLength(200);
    expect(sim.state.membersOf(groupName(0))).toContain(deviceName(150));
    // Concurrent callers that all met the 401 share one new sign-in.
    expect(sim.sessions.counts.logins).toBe(2);
  });

  it('does not loop when a fresh session is refused as well', async () => {
    sim.sessions.refuseAllSessions = true;
    const e = await failure(clientFor(sim).listDevices());
    expect(e.kind).toBe('auth');
    expect(e.message).toContain('ended the session again');
    expect(sim.sessions.counts.logins).toBe(2);
  });

  it('waits out a 423 Locked window, telling the UI why, then succeeds', async () => {
    const waits: WaitInfo[] = [];
    const client = clientFor(sim, {}, { backoffBaseMs: 40 });
    await client.login();
    sim.setLocked(150);
    expect(await reportingWaits((w) => waits.push(w), () => client.removeDevices(groupName(2), [deviceName(80)]))).toBe('Devices removed successfully');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((w) => w.status === 423)).toBe(true);
    expect(describeWait(waits[0]!)).toMatch(/^Waiting: another operation is in progress on the AlgoSec appliance \(423 Locked\); trying again in \d+ s \(attempt 2\)\.$/);
    expect(sim.state.membersOf(groupName(2))).not.toContain(deviceName(80));
  });

  it('gives up on a lock that lasts too long with a "locked" error a technician understands', async () => {
    const client = clientFor(sim, {}, { backoffBaseMs: 1, maxRetries: 2 });
    sim.setLocked(60_000);
    const e = await failure(client.deleteGroup(groupName(3)));
    expect(e).toMatchObject({ kind: 'locked', status: 423, retryable: true });
    expect(e.message).toContain('another operation');
    expect(sim.state.membersOf(groupName(3))).toBeDefined();
  });

  it('honours 429 Retry-After before asking again', async () => {
    // Dice: the sign-in passes, the device list gets a 429 with Retry-After: 1, the retry passes.
    const limited = await startAlgosecSimulator({ seed: fleetSeed(200, 5), faults: { rate429: 0.5 }, random: dice(0.99, 0) });
    try {
      const waits: WaitInfo[] = [];
      const started = performance.now();
      const devices = await reportingWaits((w) => waits.push(w), () => clientFor(limited).listDevices());
      expect(devices).toHaveLength(200);
      expect(waits).toEqual([{ vendor: 'algosec', status: 429, waitMs: 1000, attempt: 1 }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(990);
      expect(limited.requests.get('GET /afa/api/v1/devices')).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('reports a malformed answer as bad-response, quoting a short excerpt', async () => {
    const client = clientFor(sim);
    await client.login();
    sim.setFaults({ malformedRate: 1 });
    const e = await failure(client.listDevices());
    expect(e.kind).toBe('bad-response');
    expect(e.message).toContain('AlgoSec sent the device list that is not valid JSON');
  });

  it('reports a body of the wrong shape as bad-response', async () => {
    const client = clientFor(sim);
    sim.state.devices.push({ name: 'dev_x', display_name: 42 as unknown as string, brand: 'Cisco' });
    const e = await failure(client.listDevices());
    expect(e.kind).toBe('bad-response');
    expect(e.message).toContain('unexpected shape');
    expect(e.message).toContain('display_name');
  });
});

describe('AlgoSec listing that fails part-way', () => {
  it('stops asking for groups once one query has failed, and says why', async () => {
    // Dice: sign-in and device list pass, the first group query gets a 500, the rest would pass.
    const sim = await startAlgosecSimulator({ seed: fleetSeed(3_000, 10), faults: { rate500: 0.5 }, random: dice(0.99, 0.99, 0) });
    try {
      const e = await failure(clientFor(sim, {}, { maxRetries: 0 }).listFleet());
      expect(e).toMatchObject({ kind: 'server', status: 500 });
      expect(e.message).toContain('AlgoSec had an internal error');
      // Give any worker that kept going time to send more.
      await new Promise((r) => setTimeout(r, 500));
      const groupQueries = [...sim.requests].filter(([k]) => k.startsWith('GET /afa/api/v1/groups/devices/')).reduce((n, [, c]) => n + c, 0);
      // 3,000 names need 16 queries; only those already in flight (one per worker) went out.
      expect(groupQueries).toBeGreaterThan(0);
      expect(groupQueries).toBeLessThanOrEqual(4);
    } finally {
      await sim.close();
    }
  });
});
