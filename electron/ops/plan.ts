import { randomUUID } from 'node:crypto';
import { isCustodyEdit, type StagedEdit } from '../../shared/ops/edits';
import { callsOf, type Plan, type PlanStep } from '../../shared/ops/plan';
import { custodySteps, type CustodyPlanContext } from './custody-plan';

export interface PlanContext {
  /** Cached members (display names) of an AlgoSec group. */
  members(connectionId: string, group: string): string[];
  /** What the user chose for a group the plan would empty. */
  emptyGroupChoice(connectionId: string, group: string): 'keep-one' | 'delete-group' | undefined;
  /** The cache now, for warnings on ownership and assignment edits. */
  custody?: CustodyPlanContext;
  now?: () => Date;
}

interface GroupChange {
  connectionId: string;
  group: string;
  add: Map<string, { key: string; editId: string }>;
  remove: Map<string, { key: string; editId: string }>;
}

/**
 * Turns the draft into the exact vendor calls: one addDevices and one
 * removeDevices per AlgoSec group, creates and deletes, and one call per
 * device for ownership and assignment changes. It never plans a
 * removeDevices that would empty a group (AlgoSec refuses it): that is a
 * blocking warning until the user keeps a device or deletes the group.
 */
export function buildPlan(edits: readonly StagedEdit[], ctx: PlanContext): Plan {
  const steps: PlanStep[] = [];
  const warnings: Plan['warnings'] = [];
  const changes = new Map<string, GroupChange>();
  const change = (connectionId: string, group: string) => {
    const k = `${connectionId}\u0000${group}`;
    let c = changes.get(k);
    if (!c) changes.set(k, (c = { connectionId, group, add: new Map(), remove: new Map() }));
    return c;
  };
  for (const e of edits) {
    if (isCustodyEdit(e)) continue;
    if (e.kind === 'group.create') {
      steps.push({ id: randomUUID(), vendor: 'algosec', connectionId: e.connectionId, call: 'algosec.createGroup', target: e.group, items: e.devices.map((d, i) => ({ key: e.deviceKeys[i] ?? d, label: d, ref: d })), destructive: false, editIds: [e.id] });
    } else if (e.kind === 'group.delete') {
      steps.push({ id: randomUUID(), vendor: 'algosec', connectionId: e.connectionId, call: 'algosec.deleteGroup', target: e.group, items: [{ key: e.group, label: e.group, ref: e.group }], destructive: true, editIds: [e.id] });
    } else {
      (e.kind === 'group.add' ? change(e.connectionId, e.group).add : change(e.connectionId, e.group).remove).set(e.device, { key: e.deviceKey, editId: e.id });
    }
  }
  const deleted = new Set(steps.filter((s) => s.call === 'algosec.deleteGroup').map((s) => `${s.connectionId}\u0000${s.target}`));
  for (const c of changes.values()) {
    const after = new Set([...ctx.members(c.connectionId, c.group), ...c.add.keys()]);
    for (const d of c.remove.keys()) after.delete(d);
    let removes = [...c.remove];
    if (after.size === 0 && removes.length && !deleted.has(`${c.connectionId}\u0000${c.group}`)) {
      const choice = ctx.emptyGroupChoice(c.connectionId, c.group);
      if (choice === 'keep-one') {
        removes = removes.slice(1);
        warnings.push({ level: 'info', group: c.group, message: `Keeping ${[...c.remove.keys()][0]} in ${c.group} so the group is not emptied.` });
      } else if (choice === 'delete-group') {
        steps.push({ id: randomUUID(), vendor: 'algosec', connectionId: c.connectionId, call: 'algosec.deleteGroup', target: c.group, items: [{ key: c.group, label: c.group, ref: c.group }], destructive: true, editIds: removes.map(([, r]) => r.editId) });
        removes = [];
      } else {
        warnings.push({ level: 'blocking', group: c.group, message: `Group "${c.group}" would be emptied: AlgoSec groups can never be empty. Keep at least one device, or delete the group.` });
        removes = []; // never a call AlgoSec would refuse, even in a blocked plan
      }
    }
    if (c.add.size) steps.push({ id: randomUUID(), vendor: 'algosec', connectionId: c.connectionId, call: 'algosec.addDevices', target: c.group, items: [...c.add].map(([d, r]) => ({ key: r.key, label: d, ref: d })), destructive: false, editIds: [...c.add.values()].map((r) => r.editId) });
    if (removes.length) steps.push({ id: randomUUID(), vendor: 'algosec', connectionId: c.connectionId, call: 'algosec.removeDevices', target: c.group, items: removes.map(([d, r]) => ({ key: r.key, label: d, ref: d })), destructive: true, editIds: removes.map(([, r]) => r.editId) });
  }
  // Adds before removes, so a move never leaves a device in no group halfway; deletes last.
  const order: Partial<Record<PlanStep['call'], number>> = { 'algosec.createGroup': 0, 'algosec.addDevices': 1, 'algosec.removeDevices': 2, 'algosec.deleteGroup': 3 };
  steps.sort((a, b) => (order[a.call] ?? 4) - (order[b.call] ?? 4));
  const now = ctx.now?.() ?? new Date();
  const custody = custodySteps(edits.filter(isCustodyEdit), ctx.custody, now.getTime());
  steps.push(...custody.steps);
  warnings.push(...custody.warnings);
  return { id: randomUUID(), createdAt: now.toISOString(), summary: summarize(steps), steps, warnings };
}

export function summarize(steps: readonly PlanStep[]): string {
  const count = (call: PlanStep['call']) => steps.filter((s) => s.call === call).reduce((n, s) => n + s.items.length, 0);
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const parts = [
    count('algosec.addDevices') && `add ${n(count('algosec.addDevices'), 'group membership')}`,
    count('algosec.removeDevices') && `remove ${n(count('algosec.removeDevices'), 'group membership')}`,
    count('algosec.createGroup') && `create ${n(steps.filter((s) => s.call === 'algosec.createGroup').length, 'group')}`,
    count('algosec.deleteGroup') && `delete ${n(count('algosec.deleteGroup'), 'group')}`,
    count('absolute.unenroll') && `unenroll ${n(count('absolute.unenroll'), 'device')} from Absolute`,
    count('insiders.takeOwnership') && `take ownership of ${n(count('insiders.takeOwnership'), 'device')} at Insiders`,
    count('insiders.releaseOwnership') && `release ${n(count('insiders.releaseOwnership'), 'ownership')} at Insiders`,
    count('telemetron.assignDeviceToOwners') && `assign ${n(count('telemetron.assignDeviceToOwners'), 'device')} to Telemetron customers`,
    count('telemetron.unassignDeviceFromOwner') && `unassign ${n(count('telemetron.unassignDeviceFromOwner'), 'device')} from a Telemetron customer`,
    count('telemetron.transfer') && `transfer ${n(count('telemetron.transfer'), 'device')} between Telemetron customers`,
  ].filter(Boolean);
  if (!parts.length) return 'Nothing to do.';
  const text = parts.join(', ');
  const calls = steps.reduce((k, s) => k + callsOf(s), 0);
  return `${text[0]!.toUpperCase()}${text.slice(1)} in ${calls} vendor call${calls === 1 ? '' : 's'}.`;
}

/** Unenroll in batches of at most 100 (one call each). */
export function unenrollPlan(connectionId: string, devices: Array<{ key: string; label: string; deviceUid: string }>, batch = 100, now = new Date()): Plan {
  const steps: PlanStep[] = [];
  for (let i = 0; i < devices.length; i += batch) {
    steps.push({ id: randomUUID(), vendor: 'absolute', connectionId, call: 'absolute.unenroll', target: null, items: devices.slice(i, i + batch).map((d) => ({ key: d.key, label: d.label, ref: d.deviceUid })), destructive: true, editIds: [] });
  }
  return { id: randomUUID(), createdAt: now.toISOString(), summary: summarize(steps), steps, warnings: [] };
}
