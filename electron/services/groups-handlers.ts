import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { GroupIndex } from '../fleet/group-index';
import type { FleetQueries } from '../fleet/fleet-queries';
import type { FleetStore } from '../fleet/fleet-store';
import { groupStaging } from '../groups/group-staging';
import type { OpsService } from '../ops/ops-service';

/** The group list and members from the cached memberships, and staging of group edits into the change engine. */
export function groupHandlers(deps: { store: FleetStore; queries: FleetQueries; ops: OpsService; groups: () => GroupIndex }) {
  const staging = groupStaging(deps.store, deps.ops);
  return {
    'groups:list': async () => ({ groups: deps.groups().list() }),
    'groups:members': async ({ connectionId, name }: ParsedRequestOf<'groups:members'>) => {
      const keys = deps
        .groups()
        .membersOf(connectionId, name)
        .map((i) => deps.store.devices[i]!.key);
      return { rows: deps.queries.rows(keys).rows };
    },
    'groups:stage': async (req: ParsedRequestOf<'groups:stage'>) => staging.stage(req),
    'groups:create': async (req: ParsedRequestOf<'groups:create'>) => staging.create(req),
    'groups:delete': async (req: ParsedRequestOf<'groups:delete'>) => staging.remove(req),
  };
}
