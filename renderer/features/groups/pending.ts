/** The draft edits that concern groups, reduced to what a group row shows ("+3 −1"). */
export interface GroupEditView {
  kind: string;
  connectionId: string;
  group?: string;
  deviceKey?: string;
}

export interface Pending {
  add: Set<string>;
  remove: Set<string>;
  create: boolean;
  delete: boolean;
}

export const groupKey = (connectionId: string, name: string) => `${connectionId}\u0000${name}`;

export function pendingByGroup(edits: readonly GroupEditView[]): Map<string, Pending> {
  const out = new Map<string, Pending>();
  const get = (k: string) => {
    let p = out.get(k);
    if (!p) out.set(k, (p = { add: new Set(), remove: new Set(), create: false, delete: false }));
    return p;
  };
  for (const e of edits) {
    if (!e.group) continue;
    const p = get(groupKey(e.connectionId, e.group));
    if (e.kind === 'group.add' && e.deviceKey) p.add.add(e.deviceKey);
    else if (e.kind === 'group.remove' && e.deviceKey) p.remove.add(e.deviceKey);
    else if (e.kind === 'group.create') p.create = true;
    else if (e.kind === 'group.delete') p.delete = true;
  }
  return out;
}
