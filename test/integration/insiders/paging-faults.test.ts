import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { startInsidersSimulator, type InsidersSimulator } from '../../../electron/vendors/insiders/simulator';
import type { InsidersSeedDevice } from '../../../electron/vendors/demo-fleet/seed-types';
import { bigSeed, clientFor, dice, smallSeed } from './fixtures';
import { reportingWaits } from '../../../electron/http/wait-reports';


describe('Insiders paging and faults over real HTTP', () => {
  let sim: InsidersSimulator;
  afterEach(() => sim.close());

  it('pages through 2,500 devices (3 pages of up to 1,000) and reports progress per page', async () => {
    sim = await startInsidersSimulator({ seed: bigSeed(2500) });
    const pages: Array<{ page: number; count: number; received: number }> = [];
    const devices = await clientFor(sim).listDevices({ onPage: (p) => pages.push(p) });
    expect(devices).toHaveLength(2500);
    expect(new Set(devices.map((d) => d.id)).size).toBe(2500);
    expect(devices[2499]).toEqual({ id: 2500, deviceName: 'dev000009c4', serialNumber: 'SN0002500' });
    expect(pages).toEqual([
      { page: 1, count: 2500, received: 1000 },
      { page: 2, count: 2500, received: 2000 },
      { page: 3, count: 2500, received: 2500 },
    ]);
    expect(sim.requests.get('GET /v1/devices/')).toBe(3);
  });

  it('resumes a listing from a later page', async () => {
    sim = await startInsidersSimulator({ seed: bigSeed(2500) });
    const rest = await clientFor(sim).listDevices({ startPage: 3 });
    expect(rest.map((d) => d.id)).toEqual(Array.from({ length: 500 }, (_, i) => 2001 + i));
  });

  it('merges 2,500 devices with their 2,750 spans into the fleet, with phase progress', async () => {
    sim = await startInsidersSimulator({ seed: bigSeed(2500) });
    const phases: string[] = [];
    const fleet = await clientFor(sim).listFleet({ onProgress: (p) => phases.push(`${p.phase}:${p.page}:${p.received}/${p.total}`) });
    expect(fleet).toHaveLength(2500);
    expect(fleet.find((d) => d.deviceId === 10)?.ownerships.map((s) => s.manager)).toEqual([99, 7]);
    expect(phases).toEqual([
      'devices:1:1000/2500',
      'devices:2:2000/2500',
      'devices:3:2500/2500',
      'ownerships:1:1000/2750',
      'ownerships:2:2000/2750',
      'ownerships:3:2750/2750',
    ]);
  });

  it('a page cut short (malformed JSON) fails as bad-response with a readable message, never a crash', async () => {
    sim = await startInsidersSimulator({ seed: bigSeed(2500) });
    const client = clientFor(sim);
    await client.testConnection(); // sign in before the fault is switched on
    sim.setFaults({ malformedRate: 1 });
    const err = await failure(client.listDevices());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/^Insiders sent a page of devices that is not valid JSON/);
  });

  it('a page of the wrong shape fails as bad-response naming the field', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    // A device "underneath" whose serial is a number, not a string.
    sim.state.addDevice({ id: 500, device_name: 'x', serial_number: 12345 } as unknown as InsidersSeedDevice);
    sim.state.openOwnership(500, 7, '2025-01-01T00:00:00.000000Z');
    const err = await failure(clientFor(sim).listDevices());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/Insiders sent a page of devices in an unexpected shape \(results\.1\.serial_number/);
  });

  it('waits out a 429 with Retry-After on a read and then succeeds', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed(), random: dice(0.01) });
    const waits: Array<{ status: number | null; waitMs: number }> = [];
    const client = clientFor(sim);
    await client.testConnection(); // sign in while no fault is active
    sim.setFaults({ rate429: 0.5 }); // next request rolls 0.01 → 429, then 0.99 forever
    const started = Date.now();
    expect(await reportingWaits(({ status, waitMs }) => waits.push({ status, waitMs }), () => client.listDevices())).toHaveLength(1);
    expect(waits).toEqual([{ status: 429, waitMs: 1000 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sim.requests.get('GET /v1/devices/')).toBe(3);
  });

  it('a server error on a take is not re-sent blindly (writes are not retried on 500)', async () => {
    sim = await startInsidersSimulator({ seed: smallSeed(), random: dice(0.01) });
    const client = clientFor(sim);
    await client.testConnection();
    sim.setFaults({ rate500: 0.5 });
    const err = await failure(client.takeOwnership({ serialNumber: '044444', deviceName: '998877665544' }));
    expect(err.kind).toBe('server');
    expect(err.message).toBe('Insiders had an internal error: Internal Server Error');
    expect(sim.requests.get('POST /v1/device-ownerships/')).toBe(1);
  });
});
