import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { GroupIndex } from '../fleet/group-index';
import type { FleetQueries } from '../fleet/fleet-queries';
import type { FleetStore } from '../fleet/fleet-store';

/** The group list and members, rebuilt from the cached memberships whenever the fleet changes. */
export function groupReadHandlers(deps: { store: FleetStore; queries: FleetQueries }) {
  const index = new GroupIndex();
  let builtFor = -1;
  const fresh = () => {
    if (builtFor !== deps.store.generation) {
      index.rebuild(deps.store.devices);
      builtFor = deps.store.generation;
    }
    return index;
  };
  return {
    index: fresh,
    handlers: {
      'groups:list': async () => ({ groups: fresh().list() }),
      'groups:members': async ({ connectionId, name }: ParsedRequestOf<'groups:members'>) => {
        const keys = fresh()
          .membersOf(connectionId, name)
          .map((i) => deps.store.devices[i]!.key);
        return { rows: deps.queries.rows(keys).rows };
      },
    },
  };
}
