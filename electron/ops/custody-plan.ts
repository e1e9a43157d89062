import { randomUUID } from 'node:crypto';
import type { CustodyEdit, OpenSpan } from '../../shared/ops/edits';
import type { Plan, PlanStep } from '../../shared/ops/plan';
import { VENDOR_LABELS } from '../../shared/vendors';

/** What the cache says now, for the plan's warnings (read when the plan is built, not when the edit was staged). */
export interface CustodyPlanContext {
  /** The device's open Insiders spans now and this account's manager id (null: unknown); null when Insiders no longer lists it. */
  insiders(connectionId: string, deviceKey: string): { openSpans: OpenSpan[]; account: number | null } | null;
  /** The device's Telemetron customers now; null when fleetdesk has not seen it at Telemetron. */
  telemetronCustomers(connectionId: string, deviceKey: string): string[] | null;
  /** When this connection last synced (ISO), or null. */
  asOf(connectionId: string): string | null;
  staleAfterHours: number;
}

type Warning = Plan['warnings'][number];

/** "LPTP-A, LPTP-B, LPTP-C and 4 more" */
function listed(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The order a device's changes go out: additions before removals, so a device is never left with nobody halfway. */
const ORDER: Partial<Record<PlanStep['call'], number>> = {
  'insiders.takeOwnership': 0,
  'telemetron.assignDeviceToOwners': 1,
  'telemetron.transfer': 2,
  'telemetron.unassignDeviceFromOwner': 3,
  'insiders.releaseOwnership': 4,
};

function stepOf(e: CustodyEdit): PlanStep {
  const base = { id: randomUUID(), connectionId: e.connectionId, target: null, editIds: [e.id] };
  switch (e.kind) {
    case 'ownership.take':
      return { ...base, vendor: 'insiders', call: 'insiders.takeOwnership', destructive: false, items: [{ key: e.deviceKey, label: e.device, ref: e.serialNumber }], args: { serialNumber: e.serialNumber, deviceName: e.deviceName, insidersDeviceId: e.insidersDeviceId, openSpanIds: e.baseOpenSpans.map((s) => s.id) } };
    case 'ownership.release':
      return { ...base, vendor: 'insiders', call: 'insiders.releaseOwnership', destructive: true, items: [{ key: e.deviceKey, label: e.device, ref: String(e.ownershipId) }], args: { ownershipId: e.ownershipId, insidersDeviceId: e.insidersDeviceId } };
    case 'assignment.assign':
      return { ...base, vendor: 'telemetron', call: 'telemetron.assignDeviceToOwners', destructive: false, items: [{ key: e.deviceKey, label: e.device, ref: e.identifier }], args: { deviceIdentifier: e.identifier, customerEmails: e.emails, newCustomers: e.newCustomers } };
    case 'assignment.unassign':
      return { ...base, vendor: 'telemetron', call: 'telemetron.unassignDeviceFromOwner', destructive: true, items: [{ key: e.deviceKey, label: e.device, ref: e.identifier }], args: { deviceIdentifier: e.identifier, customerEmail: e.email } };
    case 'assignment.transfer':
      return { ...base, vendor: 'telemetron', call: 'telemetron.transfer', destructive: true, items: [{ key: e.deviceKey, label: e.device, ref: e.identifier }], args: { deviceIdentifier: e.identifier, from: e.from, to: e.to, newCustomers: e.newCustomers } };
  }
}

/**
 * Ownership and assignment edits as the exact vendor calls: one step per
 * device and call (a transfer is one step making two calls), plus warnings
 * about what the cache shows now. Nothing here blocks a plan: Insiders and
 * Telemetron answer per device, and the results say what happened.
 */
export function custodySteps(edits: readonly CustodyEdit[], ctx: CustodyPlanContext | undefined, now: number): { steps: PlanStep[]; warnings: Warning[] } {
  const steps = edits.map(stepOf).sort((a, b) => (ORDER[a.call] ?? 9) - (ORDER[b.call] ?? 9));
  return { steps, warnings: ctx ? warningsFor(edits, ctx, now) : [] };
}

function warningsFor(edits: readonly CustodyEdit[], ctx: CustodyPlanContext, now: number): Warning[] {
  const overlap: string[] = [];
  const alreadyMine: string[] = [];
  const noSpan: string[] = [];
  const notYours: string[] = [];
  const goneAtInsiders: string[] = [];
  const unseenAtTelemetron: string[] = [];
  const notAssigned: string[] = [];
  const created = new Set<string>();
  const unchecked = new Set<string>();
  const connections = new Map<string, 'insiders' | 'telemetron'>();

  for (const e of edits) {
    if (e.kind === 'ownership.take' || e.kind === 'ownership.release') {
      connections.set(e.connectionId, 'insiders');
      const now = ctx.insiders(e.connectionId, e.deviceKey);
      if (!now) {
        goneAtInsiders.push(e.device);
        continue;
      }
      const mine = (s: OpenSpan) => now.account !== null && s.manager === now.account;
      if (e.kind === 'ownership.take') {
        const others = now.openSpans.filter((s) => !mine(s));
        if (now.openSpans.some(mine)) alreadyMine.push(e.device);
        else if (others.length) overlap.push(`${e.device} (${others.map((s) => `manager ${s.manager}`).join(', ')})`);
      } else {
        const span = now.openSpans.find((s) => s.id === e.ownershipId);
        if (!span) noSpan.push(e.device);
        else if (now.account !== null && span.manager !== now.account) notYours.push(`${e.device} (manager ${span.manager})`);
      }
      continue;
    }
    connections.set(e.connectionId, 'telemetron');
    const customers = ctx.telemetronCustomers(e.connectionId, e.deviceKey);
    if (customers === null) unseenAtTelemetron.push(e.device);
    if (e.kind === 'assignment.unassign' && customers && !customers.includes(e.email)) notAssigned.push(`${e.device} (${e.email})`);
    if (e.kind === 'assignment.transfer' && customers && !customers.includes(e.from)) notAssigned.push(`${e.device} (${e.from})`);
    if (e.kind === 'assignment.assign' || e.kind === 'assignment.transfer') {
      e.newCustomers.forEach((c) => created.add(c));
      e.uncheckedCustomers.forEach((c) => unchecked.add(c));
    }
  }

  const out: Warning[] = [];
  const warn = (names: string[], message: (n: number, who: string) => string, level: Warning['level'] = 'warning') => names.length && out.push({ level, message: message(names.length, listed(names)) });
  warn(overlap, (n, who) => `${n} ${plural(n, 'device is', 'devices are')} owned by another manager at Insiders now: ${who}. Taking ${plural(n, 'it', 'them')} gives ${plural(n, 'it', 'each')} two owners at once (an overlap).`);
  warn(alreadyMine, (n, who) => `This account already owns ${who} at Insiders: Insiders will refuse to take ${plural(n, 'it', 'them')} again.`);
  warn(noSpan, (n, who) => `${who} ${plural(n, 'has', 'have')} no current ownership span to release any more (the last sync shows it ended): Insiders will answer that it already ended.`);
  warn(notYours, (n, who) => `The current span of ${who} belongs to another manager: Insiders only lets this account release its own.`);
  warn(goneAtInsiders, (n, who) => `Insiders no longer lists ${who} (last sync): ${plural(n, 'this call', 'these calls')} will likely fail.`);
  warn(unseenAtTelemetron, (n, who) => `fleetdesk has not seen ${who} at Telemetron (it only sees devices through their customers): if Telemetron does not know ${plural(n, 'it', 'them')}, it answers "Device not found".`);
  warn(notAssigned, (n, who) => `The last sync no longer shows ${who} assigned to that customer: Telemetron will refuse to unassign ${plural(n, 'it', 'them')}.`);
  if (created.size) out.push({ level: 'info', message: `Telemetron will create ${plural(created.size, 'this new customer', 'these new customers')} (named after the email prefix): ${[...created].join(', ')}.` });
  if (unchecked.size) out.push({ level: 'warning', message: `fleetdesk could not check whether ${[...unchecked].join(', ')} ${plural(unchecked.size, 'exists', 'exist')} at Telemetron (offline): Telemetron creates any customer that does not.` });
  for (const [connectionId, vendor] of connections) {
    const asOf = ctx.asOf(connectionId);
    const hours = asOf ? (now - Date.parse(asOf)) / 3_600_000 : Infinity;
    if (hours > ctx.staleAfterHours) {
      out.push({ level: 'warning', message: asOf ? `The ${VENDOR_LABELS[vendor]} data these changes are based on is ${Math.round(hours / 24) >= 1 ? `${Math.round(hours / 24)} days` : `${Math.round(hours)} hours`} old: sync first, or rely on the check for changes before applying.` : `${VENDOR_LABELS[vendor]} has not been synced yet: these changes are not based on its data. Sync first.` });
    }
  }
  return out;
}
