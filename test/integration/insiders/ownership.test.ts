import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { startInsidersSimulator, type InsidersSimulator } from '../../../electron/vendors/insiders/simulator';
import type { InsidersClient } from '../../../electron/vendors/insiders/client';
import { ME, OPEN, OTHER, clientFor, smallSeed } from './fixtures';


describe('Insiders ownerships over real HTTP', () => {
  let sim: InsidersSimulator;
  let client: InsidersClient;

  beforeEach(async () => {
    sim = await startInsidersSimulator({ seed: smallSeed() });
    client = clientFor(sim);
  });
  afterEach(() => sim.close());

  it('lists the fleet with each device’s spans, open spans as null end, released devices kept for history', async () => {
    const fleet = await client.listFleet();
    const byId = new Map(fleet.map((d) => [d.deviceId, d]));

    // Owned now: listed by `current=true`, open span → endTime null.
    expect(byId.get(101)).toEqual({
      deviceId: 101,
      deviceName: 'a1b2c3d4e5f8',
      serialNumber: '012345',
      ownerships: [{ id: 1, startTime: '2024-01-01T06:00:00.000000Z', endTime: null, manager: ME }],
    });
    // Handed over to another manager: not owned now, but its history shows, oldest span first.
    expect(byId.get(102)?.ownerships).toEqual([
      { id: 2, startTime: '2023-05-01T00:00:00.000000Z', endTime: '2024-02-28T12:00:00.000000Z', manager: ME },
      { id: 3, startTime: '2024-03-01T00:00:00.000000Z', endTime: null, manager: OTHER },
    ]);
    expect(byId.get(103)?.serialNumber).toBe('055555');
    // Never owned by anyone: nothing to show.
    expect(byId.has(104)).toBe(false);
  });

  it('finds a device id by serial number, and null for an unknown serial', async () => {
    expect(await client.deviceIdForSerial('055555')).toBe(103);
    expect(await client.deviceIdForSerial('999999')).toBeNull();
  });

  it('takes ownership of a free device: an open span for this manager appears at the vendor', async () => {
    const before = Date.now();
    const span = await client.takeOwnership({ serialNumber: '044444', deviceName: '998877665544' });
    expect(span).toMatchObject({ deviceId: 104, manager: ME, endTime: null });
    expect(Date.parse(span.startTime)).toBeGreaterThanOrEqual(before - 1000);
    expect(sim.state.openSpan(104)?.manager).toBe(ME);
    expect((await client.listDevices()).map((d) => d.id).sort()).toEqual([101, 104]);
  });

  it('taking a device another manager holds opens a second span beside theirs (an overlap); taking it again is refused as a conflict', async () => {
    const span = await client.takeOwnership({ serialNumber: '067890', deviceName: 'ffee00112233' });
    expect(span).toMatchObject({ deviceId: 102, manager: ME, endTime: null });
    const open = (await client.ownershipsOfDevice(102)).filter((s) => s.endTime === null);
    expect(open.map((s) => s.manager).sort()).toEqual([ME, OTHER]);
    expect((await client.listDevices()).map((d) => d.id).sort()).toEqual([101, 102]);

    const err = await failure(client.takeOwnership({ serialNumber: '067890', deviceName: 'ffee00112233' }));
    expect(err.kind).toBe('conflict');
    expect(err.message).toBe('Insiders reports a conflict: You already own this device.');
    expect(sim.state.ownershipsByDevice.get(102)).toHaveLength(3);
  });

  it('learns which manager this account is from the devices it owns now', async () => {
    expect((await client.listFleetAndAccount()).managerId).toBe(ME);
  });

  it('refuses a serial/name pair that matches no device (400 detail)', async () => {
    const err = await failure(client.takeOwnership({ serialNumber: '044444', deviceName: 'wrong-name' }));
    expect(err.kind).toBe('bad-request');
    expect(err.status).toBe(400);
    expect(err.message).toBe('Insiders rejected the request: No device matches this serial number and device name.');
  });

  it('releases a span: end time set to now, device no longer current; a second release is refused', async () => {
    const released = await client.releaseOwnership(1);
    expect(released.deviceId).toBe(101);
    expect(released.endTime).not.toBeNull();
    expect(Math.abs(Date.parse(released.endTime ?? '') - Date.now())).toBeLessThan(5000);
    expect(await client.listDevices()).toEqual([]);

    const again = await failure(client.releaseOwnership(1));
    expect(again.status).toBe(400);
    expect(again.message).toContain('This ownership has already ended.');
  });

  it('reports an unknown ownership as not found and another manager’s span as forbidden', async () => {
    const missing = await failure(client.releaseOwnership(4242));
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toBe('Insiders could not find it: Not found.');

    const theirs = await failure(client.releaseOwnership(3));
    expect(theirs.kind).toBe('forbidden');
    expect(sim.state.openSpan(102)?.manager).toBe(OTHER);
  });

  it('transfer sequence: release then take again gives a new open span after the closed one', async () => {
    await client.releaseOwnership(1);
    const taken = await client.takeOwnership({ serialNumber: '012345', deviceName: 'a1b2c3d4e5f8' });
    const spans = await client.ownershipsOfDevice(101);
    expect(spans.map((s) => [s.id, s.endTime === null])).toEqual([
      [1, false],
      [taken.id, true],
    ]);
  });

  it('shows a device being taken by someone else "underneath" the app in the conflict check', async () => {
    sim.state.openOwnership(104, OTHER, '2025-01-01T00:00:00.000000Z');
    const spans = await client.ownershipsOfDevice(104);
    expect(spans).toEqual([{ id: expect.any(Number), startTime: '2025-01-01T00:00:00.000000Z', endTime: null, manager: OTHER }]);
    expect(OPEN).toBe(sim.state.openSpan(104)?.end_time);
  });
});
