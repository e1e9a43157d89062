import type { AbsoluteDevice, AlgosecDevice, FieldConflict, FleetDevice, InsidersDevice, TelemetronDevice } from '../model';
import type { VendorId } from '../vendors';
import { normalizeSerial } from './normalize';

/**
 * Links each vendor's records into physical devices by normalized serial.
 *
 * Where the serial comes from:
 *   Absolute `serial`, Insiders `serialNumber`, Telemetron `identifier`
 *   (its device identifier is the serial number), AlgoSec `name`.
 * AlgoSec (inferred): AFA devices have no serial field; fleetdesk expects
 * the device `name` to carry the serial (asset-tag naming). AlgoSec devices
 * named otherwise stay visible as single-vendor devices.
 *
 * Records that cannot be linked stay visible as single-vendor devices keyed
 * `<vendor>:<id>`. Disagreements (names, serial spelling, one serial twice at
 * one vendor) are listed in `conflicts`, never silently merged.
 */
export interface LinkInput {
  absolute?: readonly AbsoluteDevice[];
  insiders?: readonly InsidersDevice[];
  telemetron?: readonly TelemetronDevice[];
  algosec?: readonly AlgosecDevice[];
}

type Records = { absolute?: AbsoluteDevice; insiders?: InsidersDevice; telemetron?: TelemetronDevice; algosec?: AlgosecDevice };

interface Slot {
  records: Records;
  serial: string | null;
  conflicts: FieldConflict[];
}

function nameOf(r: Records, serial: string | null): string {
  return r.absolute?.systemName || r.insiders?.deviceName || r.algosec?.displayName || serial || r.telemetron?.identifier || '(unnamed)';
}

/** Vendors that disagree about a field, or nothing when they agree (case-insensitively). */
function disagreement(field: string, values: Array<{ vendor: VendorId; value: string | undefined }>): FieldConflict | null {
  const present = values.filter((v): v is { vendor: VendorId; value: string } => !!v.value && v.value.trim() !== '');
  if (new Set(present.map((v) => v.value.trim().toLowerCase())).size < 2) return null;
  return { field, values: present };
}

export function linkFleet(input: LinkInput): FleetDevice[] {
  const slots = new Map<string, Slot>();

  const place = (vendor: VendorId, record: object, raw: string, id: string) => {
    const serial = normalizeSerial(raw);
    const ownKey = `${vendor}:${id}`;
    let key = serial ? `serial:${serial}` : ownKey;
    let slot = slots.get(key);
    if (slot?.records[vendor]) {
      // One serial twice at one vendor: keep both visible and say so on both.
      const conflict: FieldConflict = { field: `serial listed twice at ${vendor}`, values: [{ vendor, value: raw }] };
      slot.conflicts.push(conflict);
      key = ownKey;
      slot = slots.get(key);
      if (!slot) slots.set(key, (slot = { records: {}, serial: serial || null, conflicts: [conflict] }));
    }
    if (!slot) slots.set(key, (slot = { records: {}, serial: serial || null, conflicts: [] }));
    (slot.records as Record<string, unknown>)[vendor] = record;
  };

  for (const r of input.absolute ?? []) place('absolute', r, r.serial, r.deviceUid);
  for (const r of input.insiders ?? []) place('insiders', r, r.serialNumber, String(r.deviceId));
  for (const r of input.telemetron ?? []) place('telemetron', r, r.identifier, r.identifier);
  for (const r of input.algosec ?? []) place('algosec', r, r.name, r.name);

  const out: FleetDevice[] = [];
  const keys = [...slots.keys()].sort();
  for (const key of keys) {
    const { records, serial, conflicts } = slots.get(key)!;
    const all = [...conflicts];
    const names = disagreement('name', [
      { vendor: 'absolute', value: records.absolute?.systemName },
      { vendor: 'insiders', value: records.insiders?.deviceName },
      { vendor: 'algosec', value: records.algosec?.displayName },
    ]);
    if (names) all.push(names);
    if (key.startsWith('serial:')) {
      // Same device, spelled differently: worth fixing at the vendor, so it is shown.
      const spellings = [
        { vendor: 'absolute' as const, value: records.absolute?.serial },
        { vendor: 'insiders' as const, value: records.insiders?.serialNumber },
        { vendor: 'telemetron' as const, value: records.telemetron?.identifier },
      ]
        .filter((s): s is { vendor: 'absolute' | 'insiders' | 'telemetron'; value: string } => s.value !== undefined)
        .map((s) => ({ ...s, value: s.value.trim() }));
      if (new Set(spellings.map((s) => s.value)).size > 1) all.push({ field: 'serial spelling', values: spellings });
    }
    out.push({ key, serial, name: nameOf(records, serial), ...records, conflicts: all });
  }
  return out;
}
