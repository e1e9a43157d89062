import type { FleetDevice } from '../model';

/**
 * What each searchable value of a device is. One value (e.g. a serial) can be
 * several kinds; operators look only at their kinds, free text at all but
 * PAST_OWNER.
 */
export const KIND = {
  serial: 1,
  id: 2, // esn, device uid, Insiders device id
  name: 4,
  user: 8,
  group: 16,
  owner: 32, // current: open Insiders spans, Telemetron customers
  other: 64, // policy group, brand
  pastOwner: 128, // every Insiders manager that ever held it (as-of queries)
} as const;
export const FREE_TEXT = 0xff & ~KIND.pastOwner;
/** Exact and prefix hits rank first only in what people type to find one device. */
export const RANKED = KIND.serial | KIND.id | KIND.name | KIND.user;

export const PRESENT = { absolute: 1, insiders: 2, telemetron: 4, algosec: 8 } as const;
export const STATUS = { none: 0, active: 1, inactive: 2, disabled: 3 } as const;

/** An Insiders manager as owner text ("manager 101"); one string per manager, however many spans name it. */
const labels = new Map<number, string>();
export function managerLabel(id: number): string {
  let label = labels.get(id);
  if (label === undefined) labels.set(id, (label = `manager ${id}`));
  return label;
}

/** Calls `emit(rawValue, kind)` for every searchable value of a device. */
export function eachValue(d: FleetDevice, emit: (raw: string, kind: number) => void): void {
  const a = d.absolute;
  // Most vendors spell the serial the same: repeats are skipped before they cost a lookup.
  const serial = d.serial ?? '';
  if (serial) emit(serial, KIND.serial);
  if (a) {
    if (a.serial && a.serial !== serial) emit(a.serial, KIND.serial);
    emit(a.esn, KIND.id);
    emit(a.deviceUid, KIND.id);
    emit(a.systemName, KIND.name);
    if (a.username) emit(a.username, KIND.user);
    if (a.policyGroupName) emit(a.policyGroupName, KIND.other);
  }
  const ins = d.insiders;
  if (ins) {
    if (ins.serialNumber !== serial) emit(ins.serialNumber, KIND.serial);
    emit(String(ins.deviceId), KIND.id);
    // Vendors mostly agree on the name: an equal string adds nothing, so it is not looked up again.
    if (ins.deviceName !== a?.systemName) emit(ins.deviceName, KIND.name);
    for (const o of ins.ownerships) emit(managerLabel(o.manager), o.endTime === null ? KIND.owner | KIND.pastOwner : KIND.pastOwner);
  }
  const tel = d.telemetron;
  if (tel) {
    if (tel.identifier !== serial) emit(tel.identifier, KIND.serial);
    for (const c of tel.customers) emit(c, KIND.owner | KIND.pastOwner);
  }
  const afa = d.algosec;
  if (afa) {
    if (afa.name !== serial) emit(afa.name, KIND.serial);
    if (afa.displayName !== a?.systemName && afa.displayName !== ins?.deviceName) emit(afa.displayName, KIND.name);
    emit(afa.brand, KIND.other);
    for (const g of afa.groups) emit(g, KIND.group);
  }
}
