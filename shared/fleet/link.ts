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
 *
 * Linking is done in two steps: `planLinks` decides which records form each
 * device (a plan of plain arrays, which can be saved), `assembleFleet` makes
 * the device objects from a plan. A cold start with a saved plan whose inputs
 * have not changed only assembles.
 */
export interface LinkInput {
  absolute?: readonly AbsoluteDevice[];
  insiders?: readonly InsidersDevice[];
  telemetron?: readonly TelemetronDevice[];
  algosec?: readonly AlgosecDevice[];
}

const LINKED_VENDORS = ['absolute', 'insiders', 'telemetron', 'algosec'] as const;

/** The linked fleet as plain arrays: device d is keys[d], made of record refs.<vendor>[d] of each vendor's input (-1 = none). */
export interface LinkPlan {
  keys: string[];
  /** Normalized serial of each device (null when it has none). */
  serials: Array<string | null>;
  refs: Record<(typeof LINKED_VENDORS)[number], Int32Array>;
  /** Conflicts of the devices that have some, as [device, conflicts]. */
  conflicts: Array<[number, FieldConflict[]]>;
}

/** Records of one future device, by index into each vendor's input. */
interface Slot {
  refs: [number, number, number, number];
  serial: string | null;
  conflicts: FieldConflict[];
}

function nameOf(a: AbsoluteDevice | undefined, i: InsidersDevice | undefined, t: TelemetronDevice | undefined, g: AlgosecDevice | undefined, serial: string | null): string {
  return a?.systemName || i?.deviceName || g?.displayName || serial || t?.identifier || '(unnamed)';
}

/** Vendors that disagree about a field, or nothing when they agree (case-insensitively). */
function disagreement(field: string, values: Array<{ vendor: VendorId; value: string | undefined }>): FieldConflict | null {
  const present = values.filter((v): v is { vendor: VendorId; value: string } => !!v.value && v.value.trim() !== '');
  if (new Set(present.map((v) => v.value.trim().toLowerCase())).size < 2) return null;
  return { field, values: present };
}

/** True when the present strings are all the same (the usual case, checked before building any conflict). */
function allSame(a: string | undefined, b: string | undefined, c: string | undefined): boolean {
  const first = a ?? b ?? c;
  return (a === undefined || a === first) && (b === undefined || b === first) && (c === undefined || c === first);
}

export function planLinks(input: LinkInput): LinkPlan {
  const bySerial = new Map<string, Slot>();
  const byOwnKey = new Map<string, Slot>();

  const place = (vendor: number, index: number, raw: string, id: string) => {
    const serial = normalizeSerial(raw);
    const name = LINKED_VENDORS[vendor]!;
    let slot = serial ? bySerial.get(serial) : byOwnKey.get(`${name}:${id}`);
    if (slot && slot.refs[vendor] !== -1) {
      // One serial twice at one vendor: keep both visible and say so on both.
      const conflict: FieldConflict = { field: `serial listed twice at ${name}`, values: [{ vendor: name, value: raw }] };
      slot.conflicts.push(conflict);
      const own = `${name}:${id}`;
      slot = byOwnKey.get(own);
      if (!slot) byOwnKey.set(own, (slot = { refs: [-1, -1, -1, -1], serial: serial || null, conflicts: [conflict] }));
    }
    if (!slot) {
      slot = { refs: [-1, -1, -1, -1], serial: serial || null, conflicts: [] };
      if (serial) bySerial.set(serial, slot);
      else byOwnKey.set(`${name}:${id}`, slot);
    }
    slot.refs[vendor] = index;
  };

  const { absolute = [], insiders = [], telemetron = [], algosec = [] } = input;
  absolute.forEach((r, i) => place(0, i, r.serial, r.deviceUid));
  insiders.forEach((r, i) => place(1, i, r.serialNumber, String(r.deviceId)));
  telemetron.forEach((r, i) => place(2, i, r.identifier, r.identifier));
  algosec.forEach((r, i) => place(3, i, r.name, r.name));

  // Devices in key order. Every serial key starts "serial:", so serials sort among themselves and
  // the single-vendor keys go before ("absolute:", "algosec:", "insiders:") or after ("telemetron:").
  const serials = [...bySerial.keys()].sort();
  const own = [...byOwnKey.keys()].sort();
  const before = own.filter((k) => k < 'serial:');
  const after = own.filter((k) => k >= 'serial:');
  const ordered: Array<[string, Slot]> = [
    ...before.map((k): [string, Slot] => [k, byOwnKey.get(k)!]),
    ...serials.map((s): [string, Slot] => [`serial:${s}`, bySerial.get(s)!]),
    ...after.map((k): [string, Slot] => [k, byOwnKey.get(k)!]),
  ];

  const n = ordered.length;
  const plan: LinkPlan = {
    keys: new Array<string>(n),
    serials: new Array<string | null>(n),
    refs: { absolute: new Int32Array(n), insiders: new Int32Array(n), telemetron: new Int32Array(n), algosec: new Int32Array(n) },
    conflicts: [],
  };
  ordered.forEach(([key, slot], d) => {
    const [ai, ii, ti, gi] = slot.refs;
    plan.keys[d] = key;
    plan.serials[d] = slot.serial;
    plan.refs.absolute[d] = ai;
    plan.refs.insiders[d] = ii;
    plan.refs.telemetron[d] = ti;
    plan.refs.algosec[d] = gi;
    const a = absolute[ai];
    const i = insiders[ii];
    const t = telemetron[ti];
    const g = algosec[gi];
    const all = [...slot.conflicts];
    if (!allSame(a?.systemName, i?.deviceName, g?.displayName)) {
      const names = disagreement('name', [
        { vendor: 'absolute', value: a?.systemName },
        { vendor: 'insiders', value: i?.deviceName },
        { vendor: 'algosec', value: g?.displayName },
      ]);
      if (names) all.push(names);
    }
    if (key.startsWith('serial:') && !allSame(a?.serial, i?.serialNumber, t?.identifier)) {
      // Same device, spelled differently: worth fixing at the vendor, so it is shown.
      const spellings = [
        { vendor: 'absolute' as const, value: a?.serial },
        { vendor: 'insiders' as const, value: i?.serialNumber },
        { vendor: 'telemetron' as const, value: t?.identifier },
      ]
        .filter((s): s is { vendor: 'absolute' | 'insiders' | 'telemetron'; value: string } => s.value !== undefined)
        .map((s) => ({ ...s, value: s.value.trim() }));
      if (new Set(spellings.map((s) => s.value)).size > 1) all.push({ field: 'serial spelling', values: spellings });
    }
    if (all.length) plan.conflicts.push([d, all]);
  });
  return plan;
}

/** The devices of a plan, made of the input's records (the same objects, not copies). */
export function assembleFleet(input: LinkInput, plan: LinkPlan): FleetDevice[] {
  const { absolute = [], insiders = [], telemetron = [], algosec = [] } = input;
  const conflicts = new Map(plan.conflicts);
  const out = new Array<FleetDevice>(plan.keys.length);
  for (let d = 0; d < out.length; d++) {
    const a = absolute[plan.refs.absolute[d]!];
    const i = insiders[plan.refs.insiders[d]!];
    const t = telemetron[plan.refs.telemetron[d]!];
    const g = algosec[plan.refs.algosec[d]!];
    const serial = plan.serials[d]!;
    // Every device has the same properties in the same order (absent vendors undefined): one object
    // shape, so the code that reads 100,000 devices (search index, rows) stays fast.
    const device: FleetDevice = { key: plan.keys[d]!, serial, name: nameOf(a, i, t, g, serial), absolute: a, insiders: i, telemetron: t, algosec: g, conflicts: conflicts.get(d) ?? [] };
    out[d] = device;
  }
  return out;
}

export function linkFleet(input: LinkInput): FleetDevice[] {
  return assembleFleet(input, planLinks(input));
}
