import type { FleetDevice } from '../../shared/model';
import type { FleetStore } from '../fleet/fleet-store';

/**
 * The identifier Telemetron knows a device by (its serial number). A device
 * fleetdesk has not seen at Telemetron is looked up by the serial another
 * vendor reports, spelled as that vendor spells it.
 */
export function telemetronIdentifier(d: FleetDevice): string | null {
  return d.telemetron?.identifier ?? d.absolute?.serial ?? d.insiders?.serialNumber ?? d.serial;
}

/** The Insiders account's own manager id, learnt at its last sync (null until then). */
export function accountManager(store: FleetStore, connectionId: string): number | null {
  const id = store.slice(connectionId)?.meta.managerId;
  return typeof id === 'number' ? id : null;
}

/** Open Insiders spans of a device, as the cache shows them. */
export function openSpans(d: FleetDevice): Array<{ id: number; manager: number }> {
  return (d.insiders?.ownerships ?? []).filter((o) => o.endTime === null).map((o) => ({ id: o.id, manager: o.manager }));
}
