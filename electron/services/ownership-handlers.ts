import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { Connections } from '../connections/connections';
import type { CustodyHistory } from '../custody/custody-history';
import type { FleetStore } from '../fleet/fleet-store';
import type { OpsService } from '../ops/ops-service';
import { custodySummary } from '../ownership/custody-summary';
import { ownershipStaging } from '../ownership/ownership-staging';
import { normalizeEmail } from '../vendors/telemetron/email';

/** Ownership and assignment actions from the Timelines screen: where the basket stands, customer checks, staging. */
export function ownershipHandlers(deps: { store: FleetStore; ops: OpsService; connections: Connections; history: CustodyHistory; online: () => boolean }) {
  const staging = ownershipStaging(deps);
  // Telemetron cannot list customers: the ones its syncs asked about, plus the ones fleetdesk assigned to.
  const knownCustomers = () => {
    const all = new Set<string>();
    for (const c of deps.connections.list()) {
      if (c.vendor !== 'telemetron') continue;
      const asked = deps.store.slice(c.id)?.meta.customers;
      if (Array.isArray(asked)) for (const e of asked as string[]) all.add(normalizeEmail(e));
      for (const e of deps.history.knownWho(c.id)) all.add(e);
    }
    return [...all].sort();
  };
  return {
    'ownership:summary': async ({ deviceKeys }: ParsedRequestOf<'ownership:summary'>) => custodySummary(deps.store, deviceKeys, knownCustomers),
    'ownership:previewAssign': async (req: ParsedRequestOf<'ownership:previewAssign'>) => staging.previewAssign(req),
    'ownership:stage': async (req: ParsedRequestOf<'ownership:stage'>) => staging.stage(req),
  };
}
