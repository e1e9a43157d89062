import { OPEN_END } from '../../../shared/model';
import { BRANDS, COMPANIES, FIRST, LAST, POLICY_GROUPS, TEAMS } from './names';
import { Picker, seededRandom } from './random';
import type { AbsoluteSeedDevice, AlgosecSeedGroup, DemoFleet, InsidersSeedOwnership, TelemetronSeedCustomer } from './seed-types';

export interface DemoFleetOptions {
  /** Physical devices (default 300). */
  devices?: number;
  seed?: number;
  now?: Date;
}

/**
 * Deliberate inconsistencies a technician must be able to spot in the demo.
 * They sit on the first devices of every generated fleet (any seed, any size
 * from 12 devices up), so tests and the README can point at them.
 */
export const DEMO_ANOMALIES = [
  { serial: 'CNF83051BN', what: 'at Absolute, Telemetron and AlgoSec but missing at Insiders' },
  { serial: 'CNF83051BQ', what: 'Insiders ownership overlap: two managers hold it at once (two open spans)' },
  { serial: '5CG2140XQ7', what: 'Insiders ownership gap: nobody owned it for about three weeks' },
  { serial: '5CG2140XR2', what: 'name differs: Insiders calls it differently from Absolute' },
  { serial: 'PF3KX9A1', what: 'serial written as "s/n pf3k x9a1" at Insiders (still linked)' },
  { serial: 'PF3KX9A7', what: 'reported stolen in Absolute but still in an AlgoSec group' },
  { serial: 'CNF83052AA', what: 'no current owner at Insiders (all spans closed)' },
  { serial: 'CNF83052AB', what: 'the only member of AlgoSec group "Lab Devices"' },
] as const;

const DAY = 86_400_000;
const MANAGERS = [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112];

interface Physical {
  serial: string;
  systemName: string;
  user: string;
  kind: 'laptop' | 'desktop' | 'gateway';
  at: { absolute: boolean; insiders: boolean; telemetron: boolean; algosec: boolean };
}

/**
 * The demo fleet: one set of physical devices seen through four vendors with
 * the same serials, in each vendor's wire shape. Deterministic: the same seed
 * gives the same fleet. Fast: 100,000 devices in well under two seconds.
 */
export function generateDemoFleet(options: DemoFleetOptions = {}): DemoFleet {
  const count = Math.max(12, options.devices ?? 300);
  const now = (options.now ?? new Date()).getTime();
  const p = new Picker(seededRandom(options.seed ?? 1));
  const iso = (t: number) => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');

  // --- physical devices ------------------------------------------------------
  const serials = new Set<string>(DEMO_ANOMALIES.map((a) => a.serial));
  const names = new Map<string, number>();
  const devices: Physical[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i < DEMO_ANOMALIES.length ? 'laptop' : p.chance(0.7) ? 'laptop' : p.chance(0.67) ? 'desktop' : 'gateway';
    let serial: string | undefined = DEMO_ANOMALIES[i]?.serial;
    while (!serial || (i >= DEMO_ANOMALIES.length && serials.has(serial))) {
      serial = p.pick([() => `CNF${p.int(80, 99)}${p.chars(5)}`, () => `5CG${p.int(1000, 2499)}${p.chars(3)}`, () => `PF${p.chars(6)}`, () => p.chars(7)])();
    }
    serials.add(serial);
    const first = i === 0 ? 'Tara' : p.pick(FIRST);
    const last = i === 0 ? 'Jordan' : p.pick(LAST);
    const user = `${first[0]}${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const base = kind === 'gateway' ? `GW-${p.chars(4, 'ABCDEFGHJKLMNPRSTUVWXYZ')}` : `${kind === 'laptop' ? 'LPTP' : 'DSKT'}-${user.toUpperCase()}`;
    const n = (names.get(base) ?? 0) + 1;
    names.set(base, n);
    const at = { absolute: p.chance(0.95), insiders: p.chance(0.8), telemetron: p.chance(0.6), algosec: p.chance(0.5) };
    if (!at.insiders && !at.telemetron && !at.algosec) at.absolute = true; // every device is known somewhere
    devices.push({ serial, systemName: n === 1 ? base : `${base}${n}`, user, kind, at });
  }
  // Anomalies and well-known devices: fixed presence so each is always visible.
  const all = { absolute: true, insiders: true, telemetron: true, algosec: true };
  DEMO_ANOMALIES.forEach((_, i) => (devices[i]!.at = { ...all }));
  devices[0]!.at.insiders = false;

  // --- Absolute --------------------------------------------------------------
  const absolute: AbsoluteSeedDevice[] = [];
  devices.forEach((d, i) => {
    if (!d.at.absolute) return;
    const roll = p.next();
    const agentStatus = i < DEMO_ANOMALIES.length ? 'A' : roll < 0.06 ? 'I' : roll < 0.09 ? 'D' : 'A';
    const days = agentStatus === 'A' ? p.next() * 30 : 30 + p.next() * 60;
    absolute.push({
      id: p.uuid(),
      esn: `2BU2${p.chars(10)}${String(1000 + (i % 9000)).padStart(4, '0')}${p.chars(2)}`,
      systemName: d.systemName,
      serial: d.serial,
      username: d.kind === 'gateway' ? '' : `${d.user}@abccompany.com`,
      agentStatus,
      isStolen: d.serial === 'PF3KX9A7' || (i >= DEMO_ANOMALIES.length && p.chance(0.02)),
      lastConnectedUtc: iso(now - days * DAY - p.next() * DAY),
      policyGroupName: p.pick(POLICY_GROUPS),
    });
  });

  // --- Insiders --------------------------------------------------------------
  const insidersDevices: DemoFleet['insiders']['devices'] = [];
  const ownerships: InsidersSeedOwnership[] = [];
  let ownershipId = 5000;
  const span = (device: number, manager: number, start: number, end: number | null) =>
    ownerships.push({ id: ownershipId++, device, manager, start_time: iso(start), end_time: end === null ? OPEN_END : iso(end) });
  devices.forEach((d, i) => {
    if (!d.at.insiders) return;
    const id = 1000 + i;
    insidersDevices.push({
      id,
      device_name: d.serial === '5CG2140XR2' ? `${d.systemName.replace('LPTP-', 'Laptop ')} (spare)` : d.systemName,
      serial_number: d.serial === 'PF3KX9A1' ? 's/n pf3k x9a1' : d.serial,
    });
    const start = now - (200 + p.next() * 500) * DAY;
    if (d.serial === 'CNF83051BQ') {
      span(id, 101, start, null);
      span(id, 104, now - 20 * DAY, null);
    } else if (d.serial === '5CG2140XQ7') {
      span(id, 102, start, now - 60 * DAY);
      span(id, 103, now - 39 * DAY, null);
    } else if (d.serial === 'CNF83052AA') {
      span(id, 105, start, now - 10 * DAY);
    } else {
      const handovers = p.int(0, 2);
      let t = start;
      for (let h = 0; h < handovers; h++) {
        const end = t + (30 + p.next() * 120) * DAY;
        span(id, p.pick(MANAGERS), t, end);
        t = end;
      }
      span(id, i % 10 === 0 ? 101 : p.pick(MANAGERS), t, p.chance(0.06) ? t + 20 * DAY : null);
    }
  });

  // --- Telemetron ------------------------------------------------------------
  const customerCount = Math.max(4, Math.round(count / 7.5));
  const customers: TelemetronSeedCustomer[] = [];
  const emails = new Set<string>();
  for (let c = 0; customers.length < customerCount; c++) {
    const company = COMPANIES[c % COMPANIES.length]!;
    const team = TEAMS[Math.floor(c / COMPANIES.length) % TEAMS.length]!;
    const round = Math.floor(c / (COMPANIES.length * TEAMS.length));
    const email = `${team}${round ? round + 1 : ''}@${company}.example`;
    if (emails.has(email)) continue;
    emails.add(email);
    customers.push({ id: `cust_${String(customers.length + 1).padStart(5, '0')}`, email, name: `${company} ${team}`, devices: [] });
  }
  const telemetronDevices: DemoFleet['telemetron']['devices'] = [];
  devices.forEach((d, i) => {
    if (!d.at.telemetron) return;
    telemetronDevices.push({ id: `tdev_${i + 1}`, identifier: d.serial, type: d.kind });
    if (i >= DEMO_ANOMALIES.length && p.chance(0.08)) return; // known to Telemetron, assigned to nobody
    const a = customers[i % customers.length]!;
    a.devices.push(d.serial);
    if (p.chance(0.1)) {
      const b = customers[(i * 7 + 3) % customers.length]!;
      if (b !== a) b.devices.push(d.serial);
    }
  });

  // --- AlgoSec ---------------------------------------------------------------
  const branches = Math.max(4, Math.round(count / 7.5));
  const group = (name: string): AlgosecSeedGroup => ({ name, displayName: name, members: [] });
  const branchGroups = Array.from({ length: branches }, (_, b) => group(`Branch-${String(b + 1).padStart(2, '0')}`));
  const hq = group('HQ-Core');
  const dmz = group('DMZ');
  const lab = group('Lab Devices');
  const algosecDevices: DemoFleet['algosec']['devices'] = [];
  devices.forEach((d, i) => {
    if (!d.at.algosec) return;
    // Asset-tag naming: the AFA device name carries the serial (see shared/fleet/link.ts).
    algosecDevices.push({ name: d.serial, display_name: d.systemName, brand: p.pick(BRANDS) });
    if (d.serial === 'CNF83052AB') return lab.members.push(d.systemName);
    branchGroups[i % branches]!.members.push(d.systemName);
    if (p.chance(0.1)) (p.chance(0.5) ? hq : dmz).members.push(d.systemName);
  });
  // Every group has at least one member (AFA refuses empty groups).
  const groups = [...branchGroups, hq, dmz, lab].filter((g) => g.members.length > 0);

  return {
    absolute: { devices: absolute },
    insiders: { managerId: 101, devices: insidersDevices, ownerships },
    telemetron: { customers, devices: telemetronDevices },
    algosec: { devices: algosecDevices, groups },
  };
}
