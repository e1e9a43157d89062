import type { AlgosecSeed, AlgosecSeedDevice } from '../../demo-fleet/seed-types';

export interface SimGroup {
  name: string;
  displayName: string;
  /** Member device display names, in insertion order. */
  members: Set<string>;
}

/**
 * The simulator's live AFA data, indexed for 100,000-device fleets: devices by
 * display name, groups by display name (case sensitive), and each device's
 * groups, so "groups of these devices" never scans every group.
 */
export class AlgosecSimState {
  readonly devices: AlgosecSeedDevice[];
  readonly devicesByDisplayName = new Map<string, AlgosecSeedDevice>();
  readonly groups = new Map<string, SimGroup>();
  readonly groupsByDevice = new Map<string, Set<string>>();

  constructor(seed: AlgosecSeed) {
    this.devices = seed.devices.map((d) => ({ ...d }));
    for (const d of this.devices) this.devicesByDisplayName.set(d.display_name, d);
    for (const g of seed.groups) this.createGroup(g.displayName, g.members, g.name);
  }

  /** Display names among `names` that AFA does not know. */
  unknownDevices(names: readonly string[]): string[] {
    return names.filter((n) => !this.devicesByDisplayName.has(n));
  }

  /** Groups containing any of these devices (each group once). */
  groupsOf(deviceNames: readonly string[]): SimGroup[] {
    const seen = new Set<string>();
    const out: SimGroup[] = [];
    for (const d of deviceNames) {
      for (const g of this.groupsByDevice.get(d) ?? []) {
        if (seen.has(g)) continue;
        seen.add(g);
        const group = this.groups.get(g);
        if (group) out.push(group);
      }
    }
    return out;
  }

  /** A group's member display names (tests read results through this). */
  membersOf(displayName: string): string[] | undefined {
    const g = this.groups.get(displayName);
    return g ? [...g.members] : undefined;
  }

  /** Inferred: a created group's internal name is its display name. */
  createGroup(displayName: string, members: readonly string[], name = displayName): SimGroup {
    const group: SimGroup = { name, displayName, members: new Set() };
    this.groups.set(displayName, group);
    this.addMembers(group, members);
    return group;
  }

  addMembers(group: SimGroup, members: readonly string[]): void {
    for (const m of members) {
      group.members.add(m);
      const set = this.groupsByDevice.get(m);
      if (set) set.add(group.displayName);
      else this.groupsByDevice.set(m, new Set([group.displayName]));
    }
  }

  removeMembers(group: SimGroup, members: readonly string[]): void {
    for (const m of members) {
      group.members.delete(m);
      this.groupsByDevice.get(m)?.delete(group.displayName);
    }
  }

  deleteGroup(group: SimGroup): void {
    this.removeMembers(group, [...group.members]);
    this.groups.delete(group.displayName);
  }
}
