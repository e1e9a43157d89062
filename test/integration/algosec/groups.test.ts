import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import type { AlgosecClient } from '../../../electron/vendors/algosec/client';
import { clientFor, deviceName, fleetSeed, groupName } from './fixtures';


describe('AlgoSec group editing', () => {
  let sim: AlgosecSimulator;
  let client: AlgosecClient;
  beforeEach(async () => {
    sim = await startAlgosecSimulator({ seed: fleetSeed(20, 4) });
    client = clientFor(sim);
  });
  afterEach(() => sim.close());

  it('creates, adds to, removes from and deletes a group, returning AlgoSec\'s own words', async () => {
    expect(await client.createGroup('Night shift', [deviceName(1), deviceName(2)])).toBe('Group created successfully');
    expect(await client.addDevices('Night shift', [deviceName(3)])).toBe('Devices added successfully');
    expect(sim.state.membersOf('Night shift')).toEqual([deviceName(1), deviceName(2), deviceName(3)]);

    expect(await client.removeDevices('Night shift', [deviceName(1), deviceName(3)])).toBe('Devices removed successfully');
    expect(sim.state.membersOf('Night shift')).toEqual([deviceName(2)]);
    const fleet = await client.listFleet();
    expect(fleet.find((d) => d.displayName === deviceName(2))?.groups).toContain('Night shift');
    expect(fleet.find((d) => d.displayName === deviceName(1))?.groups).not.toContain('Night shift');

    expect(await client.deleteGroup('Night shift')).toBe('Group deleted successfully');
    expect(sim.state.membersOf('Night shift')).toBeUndefined();
  });

  it('shows AlgoSec\'s never-empty rule and leaves the group as it was', async () => {
    const members = sim.state.membersOf(groupName(1)) ?? [];
    const e = await failure(client.removeDevices(groupName(1), members));
    expect(e.kind).toBe('bad-request');
    expect(e.status).toBe(400);
    expect(e.message).toContain('Cannot remove all devices from the group');
    expect(e.message).toContain('Use the Delete Group endpoint');
    expect(sim.state.membersOf(groupName(1))).toEqual(members);
  });

  it('names the unknown device from AlgoSec\'s field errors', async () => {
    const e = await failure(client.addDevices(groupName(0), [deviceName(1), 'device-xyz']));
    expect(e.kind).toBe('bad-request');
    expect(e.message).toBe(
      'AlgoSec rejected the request: Invalid device names provided. The following devices could not be found: [device-xyz]. deviceNames: device-xyz is not a valid device',
    );
  });

  it('refuses to remove a device that is not a member', async () => {
    const e = await failure(client.removeDevices(groupName(0), [deviceName(19)]));
    expect(e.message).toContain(`${deviceName(19)} is not a member of ${groupName(0)}`);
  });

  it('reports an unknown group as not found, and a second create of a group as a rejection', async () => {
    const missing = await failure(client.deleteGroup('No such group'));
    expect(missing).toMatchObject({ kind: 'not-found', status: 404 });
    expect(missing.message).toContain('Group not found');

    const dup = await failure(client.createGroup(groupName(0), [deviceName(1)]));
    expect(dup).toMatchObject({ kind: 'bad-request', status: 400 });
    expect(dup.message).toContain('already exists');
  });

  it('treats group names as case sensitive and sends "/", "#", "%", "," and spaces encoded', async () => {
    const odd = ['Branch 12/East', 'branch 12/east', 'Lab #3 100%', 'a,b'];
    for (const [i, name] of odd.entries()) await client.createGroup(name, [deviceName(i), deviceName(i + 10)]);
    expect(sim.state.membersOf('Branch 12/East')).toEqual([deviceName(0), deviceName(10)]);
    expect(sim.state.membersOf('branch 12/east')).toEqual([deviceName(1), deviceName(11)]);

    await client.removeDevices('Branch 12/East', [deviceName(10)]);
    await client.addDevices('Lab #3 100%', [deviceName(5)]);
    await client.deleteGroup('a,b');
    expect(sim.state.membersOf('Branch 12/East')).toEqual([deviceName(0)]);
    expect(sim.state.membersOf('branch 12/east')).toEqual([deviceName(1), deviceName(11)]);
    expect(sim.state.membersOf('Lab #3 100%')).toEqual([deviceName(2), deviceName(12), deviceName(5)]);
    expect(sim.state.membersOf('a,b')).toBeUndefined();

    const fleet = await client.listFleet();
    expect(fleet.find((d) => d.displayName === deviceName(0))?.groups.toSorted()).toEqual(['Branch 12/East', groupName(0), groupName(1)]);
    expect(await failure(client.deleteGroup('BRANCH 12/EAST'))).toMatchObject({ kind: 'not-found' });
  });

  it('serves the documented paths without the /afa prefix too', async () => {
    const cookie = await signIn(sim);
    const res = await fetch(`${sim.url}/api/v1/groups/${encodeURIComponent(groupName(0))}/removeDevices`, {
      method: 'DELETE',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify([deviceName(0)]),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toBe('Devices removed successfully');
  });

  it('refuses an empty new group before sending it', async () => {
    const e = await failure(client.createGroup('Empty', []));
    expect(e.message).toContain('cannot be empty');
    expect(sim.requests.get('POST /afa/api/v1/groups') ?? 0).toBe(0);
  });

  it('says a non-admin account lacks the permission for group changes', async () => {
    const viewer = clientFor(sim, { username: sim.nonAdmin.username, password: sim.nonAdmin.password });
    expect(await viewer.listDevices()).toHaveLength(20);
    const e = await failure(viewer.addDevices(groupName(0), [deviceName(5)]));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(e.message).toContain('lacks the permission');
    expect(e.message).toContain('administrator');
  });
});

/** A raw login (the test checks the simulator itself, outside the client). */
async function signIn(sim: AlgosecSimulator): Promise<string> {
  const res = await fetch(`${sim.url}/fa/server/connection/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sim.credentials),
  });
  const body = (await res.json()) as { SessionID: string };
  return `PHPSESSID=${body.SessionID}`;
}
