import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { FleetQueries } from '../fleet/fleet-queries';
import type { FleetStore } from '../fleet/fleet-store';
import type { SyncService } from '../sync/sync-service';

/** Search, device details and sync control: all answered from the in-memory fleet. */
export function fleetHandlers(deps: { store: FleetStore; queries: FleetQueries; sync: SyncService }) {
  const { store, queries, sync } = deps;
  return {
    'fleet:search': async (req: ParsedRequestOf<'fleet:search'>) => queries.search(req),
    'fleet:matchingKeys': async ({ query }: ParsedRequestOf<'fleet:matchingKeys'>) => ({ keys: queries.matchingKeys(query) }),
    'fleet:matchList': async ({ text }: ParsedRequestOf<'fleet:matchList'>) => queries.matchList(text),
    'fleet:suggest': async ({ text, cursor }: ParsedRequestOf<'fleet:suggest'>) => ({ suggestions: store.index.suggest(text, cursor) }),
    'fleet:device': async ({ key }: ParsedRequestOf<'fleet:device'>) => ({ device: store.device(key), freshness: store.freshness() }),
    'fleet:rows': async ({ keys }: ParsedRequestOf<'fleet:rows'>) => queries.rows(keys),
    'sync:start': async ({ connectionId }: ParsedRequestOf<'sync:start'>) => ({ started: sync.start(connectionId) }),
    'sync:cancel': async ({ connectionId }: ParsedRequestOf<'sync:cancel'>) => ({ cancelled: sync.cancel(connectionId) }),
  };
}
