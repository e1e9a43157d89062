import type { GroupSummary } from '../../shared/ipc/channels/groups';
import type { FleetDevice } from '../../shared/model';

const keyOf = (connectionId: string, name: string) => `${connectionId}\u0000${name}`;

/**
 * AlgoSec groups as the cached fleet knows them: built from each device's
 * memberships, since the vendor has no call that lists every group.
 */
export class GroupIndex {
  private members = new Map<string, number[]>();
  private summaries: GroupSummary[] = [];

  rebuild(devices: readonly FleetDevice[]): void {
    const members = new Map<string, number[]>();
    const summaries = new Map<string, GroupSummary>();
    devices.forEach((d, i) => {
      const a = d.algosec;
      if (!a?.connectionId) return;
      for (const name of a.groups) {
        const k = keyOf(a.connectionId, name);
        let list = members.get(k);
        if (!list) {
          list = [];
          members.set(k, list);
          summaries.set(k, { connectionId: a.connectionId, name, count: 0 });
        }
        list.push(i);
        summaries.get(k)!.count += 1;
      }
    });
    this.members = members;
    this.summaries = [...summaries.values()].sort((x, y) => x.name.localeCompare(y.name, undefined, { numeric: true }));
  }

  list(): GroupSummary[] {
    return this.summaries;
  }

  /** Indexes (into the fleet's device array) of the group's members. */
  membersOf(connectionId: string, name: string): number[] {
    return this.members.get(keyOf(connectionId, name)) ?? [];
  }
}

/** The group index of the store's current fleet, rebuilt only when the fleet changed. */
export function groupIndexOf(store: { devices: readonly FleetDevice[]; generation: number }): () => GroupIndex {
  const index = new GroupIndex();
  let builtFor = -1;
  return () => {
    if (builtFor !== store.generation) {
      index.rebuild(store.devices);
      builtFor = store.generation;
    }
    return index;
  };
}
