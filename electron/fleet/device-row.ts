import type { FleetDevice } from '../../shared/model';
import type { VendorId } from '../../shared/vendors';
import type { DeviceRow } from '../../shared/ipc/channels/fleet';

const STATUS = { A: 'active', I: 'inactive', D: 'disabled' } as const;

/** The current Insiders owner (open span), as "manager <id>": the vendor gives no name. */
function currentInsidersOwners(device: FleetDevice): string[] {
  return (device.insiders?.ownerships ?? []).filter((s) => s.endTime === null).map((s) => `manager ${s.manager}`);
}

/** Builds the table row of one device; `asOfByConnection` gives each slice's data age. */
export function toDeviceRow(device: FleetDevice, asOfByConnection: ReadonlyMap<string, string | null>): DeviceRow {
  const vendors: VendorId[] = [];
  let dataAsOf: string | null = null;
  for (const vendor of ['absolute', 'insiders', 'telemetron', 'algosec'] as const) {
    const record = device[vendor];
    if (!record) continue;
    vendors.push(vendor);
    const asOf = record.connectionId ? (asOfByConnection.get(record.connectionId) ?? null) : null;
    if (asOf && (!dataAsOf || asOf < dataAsOf)) dataAsOf = asOf;
  }
  const abs = device.absolute;
  return {
    key: device.key,
    serial: device.serial,
    name: device.name,
    user: abs?.username || null,
    esn: abs?.esn ?? null,
    vendors,
    status: abs ? STATUS[abs.agentStatus] : null,
    stolen: abs?.isStolen ?? false,
    lastSeen: abs?.lastConnectedUtc ?? null,
    groups: device.algosec?.groups ?? [],
    owners: [...currentInsidersOwners(device), ...(device.telemetron?.customers ?? [])],
    conflicts: device.conflicts.length,
    dataAsOf,
  };
}
