import { appError, FleetError } from '../../shared/errors';
import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import type { NewEdit } from '../../shared/ops/edits';
import type { FleetStore } from '../fleet/fleet-store';
import type { OpsService } from '../ops/ops-service';


/**
 * Turns a drop (or Delete key, or "create group") into staged edits: one
 * undoable step, with every device that cannot take part listed and why.
 */
export function groupStaging(store: FleetStore, ops: OpsService) {
  const baseAsOf = (connectionId: string) => store.slice(connectionId)?.asOf ?? null;

  function stage(req: ParsedRequestOf<'groups:stage'>): ResultOf<'groups:stage'> {
    const edits: NewEdit[] = [];
    const skipped: ResultOf<'groups:stage'>['skipped'] = [];
    for (const key of new Set(req.deviceKeys)) {
      const d = store.device(key);
      const afa = d?.algosec;
      const name = d?.name ?? key;
      if (!afa) {
        skipped.push({ key, name, reason: 'not an AlgoSec device' });
        continue;
      }
      if (afa.connectionId !== req.connectionId) {
        skipped.push({ key, name, reason: 'on another AlgoSec appliance' });
        continue;
      }
      const common = { connectionId: req.connectionId, device: afa.displayName, deviceKey: key, baseAsOf: baseAsOf(req.connectionId) };
      if (req.to && req.action !== 'remove') {
        if (afa.groups.includes(req.to)) skipped.push({ key, name, reason: `already in ${req.to}` });
        else edits.push({ ...common, kind: 'group.add', group: req.to });
      }
      if (req.from && req.action !== 'add') {
        if (!afa.groups.includes(req.from)) skipped.push({ key, name, reason: `not in ${req.from}` });
        else edits.push({ ...common, kind: 'group.remove', group: req.from });
      }
    }
    ops.stage(edits);
    return { staged: edits.length, skipped };
  }

  function create(req: ParsedRequestOf<'groups:create'>): ResultOf<'groups:create'> {
    const exists = store.devices.some((d) => d.algosec?.connectionId === req.connectionId && d.algosec.groups.includes(req.name));
    if (exists) throw new FleetError(appError('conflict', `A group called "${req.name}" already exists on this appliance.`));
    const devices: string[] = [];
    const keys: string[] = [];
    const skipped: ResultOf<'groups:create'>['skipped'] = [];
    for (const key of req.deviceKeys) {
      const d = store.device(key);
      if (d?.algosec?.connectionId === req.connectionId) {
        devices.push(d.algosec.displayName);
        keys.push(key);
      } else skipped.push({ key, name: d?.name ?? key, reason: 'not an AlgoSec device of this appliance' });
    }
    if (!devices.length) throw new FleetError(appError('bad-request', 'A new AlgoSec group needs at least one AlgoSec device.'));
    ops.stage([{ kind: 'group.create', connectionId: req.connectionId, group: req.name, devices, deviceKeys: keys, baseAsOf: baseAsOf(req.connectionId) }]);
    return { staged: 1, skipped };
  }

  function remove(req: ParsedRequestOf<'groups:delete'>): ResultOf<'groups:delete'> {
    const members = store.devices.filter((d) => d.algosec?.connectionId === req.connectionId && d.algosec.groups.includes(req.name)).map((d) => d.algosec!.displayName);
    ops.stage([{ kind: 'group.delete', connectionId: req.connectionId, group: req.name, members, baseAsOf: baseAsOf(req.connectionId) }]);
    return { staged: 1, skipped: [] };
  }

  return { stage, create, remove };
}
