import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { clientFor, deviceName, expectedGroups, fleetSeed, groupName } from './fixtures';

describe('AlgoSec fleet listing', () => {
  const seed = fleetSeed(2_000, 40);
  let sim: AlgosecSimulator;
  beforeAll(async () => {
    sim = await startAlgosecSimulator({ seed });
  });
  afterAll(() => sim.close());

  it('lists 2,000 devices with their memberships in 40 groups, asking for groups in short URLs', async () => {
    const progress: Array<{ phase: string; done: number; total: number }> = [];
    const fleet = await clientFor(sim).listFleet({ onProgress: (p) => progress.push(p) });

    expect(fleet).toHaveLength(2_000);
    const expected = expectedGroups(seed);
    for (const d of fleet) expect(d.groups.toSorted()).toEqual(expected.get(d.displayName)?.toSorted());
    expect(fleet.find((d) => d.displayName === deviceName(10))).toMatchObject({ name: 'dev_10', brand: 'Palo Alto Networks', groups: [groupName(0), groupName(1)] });

    // 2,000 names of 9 characters do not fit one 2,000-character URL.
    const groupQueries = [...sim.requests].filter(([k]) => k.startsWith('GET /afa/api/v1/groups/devices/')).length;
    expect(groupQueries).toBeGreaterThanOrEqual(10);
    expect(progress[0]).toEqual({ phase: 'devices', done: 2_000, total: 2_000 });
    expect(progress.at(-1)).toEqual({ phase: 'groups', done: 2_000, total: 2_000 });
  });

  it('groupsOfDevices merges a group met in several chunks into one with all its members', async () => {
    const names = Array.from({ length: 2_000 }, (_, i) => deviceName(i));
    const groups = await clientFor(sim).groupsOfDevices(names);
    expect(groups).toHaveLength(40);
    const site0 = groups.find((g) => g.displayName === groupName(0));
    expect(site0?.members.toSorted()).toEqual(sim.state.membersOf(groupName(0))?.toSorted());
  });

  it('lists devices in the app shape', async () => {
    const devices = await clientFor(sim).listDevices();
    expect(devices[3]).toEqual({ name: 'dev_3', displayName: deviceName(3), brand: 'Cisco' });
  });
});
