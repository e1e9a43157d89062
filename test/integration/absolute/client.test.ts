import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetError } from '../../../shared/errors';
import { AbsoluteClient } from '../../../electron/vendors/absolute/client';
import { startAbsoluteSimulator, type AbsoluteSimulator } from '../../../electron/vendors/absolute/simulator';
import type { AbsoluteSeedDevice } from '../../../electron/vendors/demo-fleet/seed-types';
import { reportingWaits } from '../../../electron/http/wait-reports';

const device = (i: number, over: Partial<AbsoluteSeedDevice> = {}): AbsoluteSeedDevice => ({
  id: `uid-${String(i).padStart(6, '0')}`,
  esn: `2BU2PJD28VAA1U${String(i).padStart(6, '0')}`,
  systemName: `LPTP-${i}`,
  serial: `SER${i}`,
  username: `user${i}@abccompany.com`,
  agentStatus: 'A',
  isStolen: false,
  lastConnectedUtc: '2026-11-20T10:00:00Z',
  policyGroupName: 'Global Policy Group',
  ...over,
});

const fast = { maxRetries: 2, backoffBaseMs: 5, maxBackoffMs: 50, ratePerSecond: 1000, burst: 1000 };
const clientFor = (sim: AbsoluteSimulator, over: Partial<{ tokenSecret: string; now: () => Date }> = {}) =>
  new AbsoluteClient({ region: 'cadc', tokenId: sim.credentials.tokenId, tokenSecret: over.tokenSecret ?? sim.credentials.tokenSecret, baseUrl: sim.url }, { http: fast, now: over.now });

const expectError = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FleetError);
  return (err as FleetError).detail;
};

describe('Absolute client against the simulator', () => {
  let sim: AbsoluteSimulator;
  beforeAll(async () => {
    const devices = Array.from({ length: 2_500 }, (_, i) => device(i));
    devices[1] = device(1, { agentStatus: 'I' });
    devices[2] = device(2, { agentStatus: 'D' });
    devices[3] = device(3, { isStolen: true });
    sim = await startAbsoluteSimulator({ seed: { devices } });
  });
  afterAll(() => sim.close());

  it('pages through the listing with $top/$skip until a short page', async () => {
    const pages: number[] = [];
    const all = await clientFor(sim).listDevices({ onPage: (page, info) => pages.push(info.skip, page.length) });
    expect(all).toHaveLength(2_500);
    expect(pages).toEqual([0, 1000, 1000, 1000, 2000, 500]);
    expect(all[3]).toMatchObject({ deviceUid: 'uid-000003', isStolen: true, agentStatus: 'A' });
  });

  it('filters on the server with a strictly encoded, signed $filter', async () => {
    const hits = await clientFor(sim).listDevices({ filter: "substringof('U00001', esn) eq true" });
    expect(hits.map((d) => d.deviceUid)).toEqual(Array.from({ length: 10 }, (_, i) => `uid-0000${10 + i}`));
    expect((await clientFor(sim).getDevices(['uid-000010', 'uid-000011'])).map((d) => d.deviceUid)).toEqual(['uid-000010', 'uid-000011']);
  });

  it('unenrolls a mixed batch: Absolute says per device what happened; unknown uids are left out', async () => {
    const results = await clientFor(sim).unenroll(['uid-000000', 'uid-000001', 'uid-000002', 'uid-000003', 'uid-nope']);
    expect(results.map((r) => [r.deviceUid, r.eligibleStatus])).toEqual([
      ['uid-000000', 0],
      ['uid-000001', 1],
      ['uid-000002', 1],
      ['uid-000003', 2],
    ]);
    expect(sim.state.get('uid-000000')).toBeUndefined(); // gone from the listing
    expect(sim.state.get('uid-000001')).toBeDefined();
  });

  it('refuses more than 100 devices in one call, before sending anything', async () => {
    const before = sim.requests.get('POST /v2/device-unenrollment/unenroll') ?? 0;
    const e = await expectError(clientFor(sim).unenroll(Array.from({ length: 101 }, (_, i) => `uid-${i}`)));
    expect(e.message).toMatch(/at most 100/);
    expect(sim.requests.get('POST /v2/device-unenrollment/unenroll') ?? 0).toBe(before);
  });

  it('treats the malformed answer from the document as outcome unknown, and does not resend', async () => {
    sim.switches.malformedUnenroll = true;
    const before = sim.requests.get('POST /v2/device-unenrollment/unenroll') ?? 0;
    try {
      const e = await expectError(clientFor(sim).unenroll(['uid-000010']));
      expect(e).toMatchObject({ kind: 'bad-response', outcomeUnknown: true });
      expect(e.message).toMatch(/not valid JSON/);
      expect(sim.requests.get('POST /v2/device-unenrollment/unenroll')).toBe(before + 1);
    } finally {
      sim.switches.malformedUnenroll = false;
    }
  });

  it('says the token is wrong, without ever showing the secret', async () => {
    const e = await expectError(clientFor(sim, { tokenSecret: 'wrong-secret-value-123' }).testConnection());
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/token id and token secret/);
    expect(JSON.stringify(e)).not.toContain('wrong-secret-value-123');
  });

  it('says plainly when this computer clock is off, and by how much', async () => {
    const e = await expectError(clientFor(sim, { now: () => new Date(Date.now() - 7 * 60_000) }).testConnection());
    expect(e.kind).toBe('clock-skew');
    expect(e.message).toMatch(/clock is 7 minutes behind/);
  });

  it('waits out 429 with Retry-After and retries a failed read', async () => {
    let calls = 0;
    sim.setFaults({ rate429: 1 });
    const c = new AbsoluteClient({ ...sim.credentials, baseUrl: sim.url }, { http: fast });
    await reportingWaits(() => (calls++, sim.setFaults({})), () => c.testConnection());
    expect(calls).toBe(1);
  });
});
