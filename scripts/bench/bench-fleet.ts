import type { FleetDevice } from '../../shared/model';
import { linkFleet } from '../../shared/fleet/link';
import { generateDemoFleet } from '../../electron/vendors/demo-fleet/generate';
import { seedToAppRecords } from '../../electron/vendors/demo-fleet/to-app';

/**
 * The fleet benchmarks run on: the demo generator's devices, linked, and
 * round-tripped through JSON the way the app gets them from its cache (so
 * strings are flat, as in production).
 */
export function benchFleet(devices = 100_000, seed = 7): FleetDevice[] {
  const linked = linkFleet(seedToAppRecords(generateDemoFleet({ devices, seed, now: new Date('2026-11-01T12:00:00Z') })));
  return JSON.parse(JSON.stringify(linked)) as FleetDevice[];
}

/** What a plain text engine gets to search: every searchable field of a device in one string. */
export function deviceText(d: FleetDevice): string {
  const a = d.absolute;
  return [
    d.serial,
    a?.serial,
    a?.esn,
    a?.deviceUid,
    a?.systemName,
    a?.username,
    a?.policyGroupName,
    d.insiders?.deviceName,
    d.insiders?.serialNumber,
    d.insiders ? String(d.insiders.deviceId) : '',
    ...(d.insiders?.ownerships ?? []).filter((o) => o.endTime === null).map((o) => `manager ${o.manager}`),
    d.telemetron?.identifier,
    ...(d.telemetron?.customers ?? []),
    d.algosec?.name,
    d.algosec?.displayName,
    d.algosec?.brand,
    ...(d.algosec?.groups ?? []),
  ]
    .filter(Boolean)
    .join(' ');
}
