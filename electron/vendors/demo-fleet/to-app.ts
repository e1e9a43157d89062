import { OPEN_END, type AbsoluteDevice, type AlgosecDevice, type InsidersDevice, type TelemetronDevice } from '../../../shared/model';
import type { DemoFleet } from './seed-types';

/**
 * The demo fleet in the app's shapes, as a full sync of each vendor would
 * produce them (used by tests and benchmarks that need a fleet without HTTP).
 */
export function seedToAppRecords(fleet: DemoFleet): { absolute: AbsoluteDevice[]; insiders: InsidersDevice[]; telemetron: TelemetronDevice[]; algosec: AlgosecDevice[] } {
  const spans = new Map<number, InsidersDevice['ownerships']>();
  for (const o of fleet.insiders.ownerships) {
    let list = spans.get(o.device);
    if (!list) spans.set(o.device, (list = []));
    list.push({ id: o.id, startTime: o.start_time, endTime: o.end_time === OPEN_END ? null : o.end_time, manager: o.manager });
  }
  const customersOf = new Map<string, string[]>();
  for (const c of fleet.telemetron.customers) for (const d of c.devices) customersOf.set(d, [...(customersOf.get(d) ?? []), c.email]);
  const groupsOf = new Map<string, string[]>();
  for (const g of fleet.algosec.groups) for (const m of g.members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g.name]);

  return {
    absolute: fleet.absolute.devices.map(({ id, ...rest }) => ({ deviceUid: id, ...rest })),
    insiders: fleet.insiders.devices.map((d) => ({ deviceId: d.id, deviceName: d.device_name, serialNumber: d.serial_number, ownerships: spans.get(d.id) ?? [] })),
    telemetron: [...customersOf].map(([identifier, customers]) => ({ identifier, customers })),
    algosec: fleet.algosec.devices.map((d) => ({ name: d.name, displayName: d.display_name, brand: d.brand, groups: groupsOf.get(d.display_name) ?? [] })),
  };
}
