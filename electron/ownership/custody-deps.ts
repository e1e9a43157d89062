import { appError, FleetError } from '../../shared/errors';
import type { Connections } from '../connections/connections';
import type { FleetStore } from '../fleet/fleet-store';
import type { CustodyReader } from '../ops/custody-conflicts';
import type { CustodyPlanContext } from '../ops/custody-plan';
import { normalizeEmail } from '../vendors/telemetron/email';
import { accountManager, openSpans } from './device-refs';

/** What the cache says now about a device's ownerships and assignments, for the plan's warnings. */
/** `staleAfterHours` is read at each plan, so a changed preference applies at once. */
export function custodyPlanContext(store: FleetStore, staleAfterHours: () => number): CustodyPlanContext {
  return {
    insiders(connectionId, deviceKey) {
      const d = store.device(deviceKey);
      return d?.insiders?.connectionId === connectionId ? { openSpans: openSpans(d), account: accountManager(store, connectionId) } : null;
    },
    telemetronCustomers(connectionId, deviceKey) {
      const t = store.device(deviceKey)?.telemetron;
      return t?.connectionId === connectionId ? t.customers.map(normalizeEmail) : null;
    },
    asOf: (connectionId) => store.slice(connectionId)?.asOf ?? null,
    get staleAfterHours() {
      return staleAfterHours();
    },
  };
}

const unavailable = (vendor: string) => new FleetError(appError('not-found', `This ${vendor} connection is not available (removed, or its credentials cannot be read).`));

/** Reads Insiders spans and Telemetron customers for the conflict check. */
export function custodyReader(connections: Connections): CustodyReader {
  return {
    async insidersOpenSpans(connectionId, insidersDeviceId) {
      const client = connections.client(connectionId, 'insiders');
      if (!client) throw unavailable('Insiders');
      return (await client.ownershipsOfDevice(insidersDeviceId)).filter((s) => s.endTime === null).map((s) => ({ id: s.id, manager: s.manager }));
    },
    async telemetronDevicesOf(connectionId, email) {
      const client = connections.client(connectionId, 'telemetron');
      if (!client) throw unavailable('Telemetron');
      return (await client.queryCustomer(email))?.devices ?? null;
    },
  };
}
