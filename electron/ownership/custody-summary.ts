import type { ResultOf } from '../../shared/ipc/contract';
import type { FleetStore } from '../fleet/fleet-store';
import { normalizeEmail } from '../vendors/telemetron/email';
import { accountManager, openSpans } from './device-refs';

/**
 * Where the basket stands before an ownership action: how many devices this
 * Insiders account owns, how many others own, which Telemetron customers they
 * have (so "transfer from" can offer them), and every customer fleetdesk knows.
 */
export function custodySummary(store: FleetStore, deviceKeys: readonly string[], knownCustomers: () => string[]): ResultOf<'ownership:summary'> {
  const insiders = { atVendor: 0, ownedByAccount: 0, ownedByOthers: 0, noOwner: 0 };
  const telemetron = { seen: 0, unassigned: 0 };
  const customers = new Map<string, number>();
  let devices = 0;
  for (const key of new Set(deviceKeys)) {
    const d = store.device(key);
    if (!d) continue;
    devices += 1;
    if (d.insiders?.connectionId) {
      insiders.atVendor += 1;
      const account = accountManager(store, d.insiders.connectionId);
      const open = openSpans(d);
      if (!open.length) insiders.noOwner += 1;
      else if (open.some((s) => s.manager === account)) insiders.ownedByAccount += 1;
      else insiders.ownedByOthers += 1;
    }
    if (d.telemetron) {
      telemetron.seen += 1;
      if (!d.telemetron.customers.length) telemetron.unassigned += 1;
      for (const c of d.telemetron.customers) customers.set(normalizeEmail(c), (customers.get(normalizeEmail(c)) ?? 0) + 1);
    }
  }
  return {
    devices,
    insiders,
    telemetron: { ...telemetron, customers: [...customers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([email, n]) => ({ email, devices: n })) },
    knownCustomers: knownCustomers().slice(0, 5000),
  };
}
