import type { ConflictView } from '../../shared/ipc/channels/ops';
import { describeEdit, type CustodyEdit, type OpenSpan } from '../../shared/ops/edits';

/** Reads the vendors' current state for the conflict check (the composition root wires the clients). */
export interface CustodyReader {
  /** Every open Insiders span of a device now. */
  insidersOpenSpans(connectionId: string, insidersDeviceId: number): Promise<OpenSpan[]>;
  /** The device identifiers a Telemetron customer has now; null when Telemetron has no such customer. */
  telemetronDevicesOf(connectionId: string, email: string): Promise<string[] | null>;
}

export type CustodyConflict = ConflictView & { editId: string };

const owners = (spans: readonly OpenSpan[]) => (spans.length ? `owned by ${spans.map((s) => `manager ${s.manager}`).join(' and ')}` : 'owned by nobody');
const customers = (list: readonly string[]) => (list.length ? `assigned to ${list.join(', ')}` : 'assigned to none of these customers');
const sameSet = (a: Iterable<string | number>, b: Iterable<string | number>) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/**
 * Re-reads the vendor state each ownership or assignment edit was based on
 * and lists the edits whose starting point changed: cached (when staged),
 * intended, and current. Telemetron has no per-device read, so the device is
 * looked up in each customer that matters (its cached customers and the
 * targets), each customer read once per check.
 */
export async function custodyConflicts(edits: readonly CustodyEdit[], read: CustodyReader): Promise<CustodyConflict[]> {
  const out: CustodyConflict[] = [];
  const customerCache = new Map<string, Promise<string[] | null>>();
  const devicesOf = (connectionId: string, email: string) => {
    const k = `${connectionId}\u0000${email}`;
    if (!customerCache.has(k)) customerCache.set(k, read.telemetronDevicesOf(connectionId, email));
    return customerCache.get(k)!;
  };
  const conflict = (e: CustodyEdit, cached: string, intended: string, current: string) => out.push({ id: e.id, editId: e.id, label: describeEdit(e), cached, intended, current, resolution: null });

  for (const e of edits) {
    if (e.kind === 'ownership.take' || e.kind === 'ownership.release') {
      const now = await read.insidersOpenSpans(e.connectionId, e.insidersDeviceId);
      if (e.kind === 'ownership.take') {
        if (!sameSet(now.map((s) => s.id), e.baseOpenSpans.map((s) => s.id))) conflict(e, owners(e.baseOpenSpans), `${owners(e.baseOpenSpans)}, and taken by this account`, owners(now));
      } else if (!now.some((s) => s.id === e.ownershipId)) {
        conflict(e, owners(e.baseOpenSpans), `ownership ${e.ownershipId} ended`, `ownership ${e.ownershipId} already ended; ${owners(now)}`);
      }
      continue;
    }
    const targets = e.kind === 'assignment.assign' ? e.emails : e.kind === 'assignment.unassign' ? [e.email] : [e.from, e.to];
    const relevant = [...new Set([...targets, ...(e.baseCustomers ?? [])])];
    const current: string[] = [];
    for (const email of relevant) if ((await devicesOf(e.connectionId, email))?.includes(e.identifier)) current.push(email);
    const before = (e.baseCustomers ?? []).filter((c) => relevant.includes(c));
    if (sameSet(current, before)) continue;
    const after = e.kind === 'assignment.assign' ? [...new Set([...before, ...e.emails])] : e.kind === 'assignment.unassign' ? before.filter((c) => c !== e.email) : [...before.filter((c) => c !== e.from), e.to];
    conflict(e, e.baseCustomers === null ? 'not seen at Telemetron' : customers(before), customers(after), customers(current));
  }
  return out;
}
