import { appError, FleetError, toAppError } from '../../shared/errors';
import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import type { FleetDevice } from '../../shared/model';
import type { NewEdit } from '../../shared/ops/edits';
import type { Connections } from '../connections/connections';
import type { FleetStore } from '../fleet/fleet-store';
import type { OpsService } from '../ops/ops-service';
import { isValidEmail, normalizeEmail } from '../vendors/telemetron/email';
import { accountManager, openSpans, telemetronIdentifier } from './device-refs';

type Skipped = ResultOf<'ownership:stage'>['skipped'];

export interface OwnershipStagingDeps {
  store: FleetStore;
  ops: OpsService;
  connections: Connections;
  /** False while every vendor is unreachable: customer checks are not even tried. */
  online: () => boolean;
}

/** Normalized, de-duplicated emails; any invalid one refuses the whole request before any vendor call. */
function checkedEmails(emails: readonly string[]): string[] {
  const out = [...new Set(emails.map(normalizeEmail).filter(Boolean))];
  const bad = out.filter((e) => !isValidEmail(e));
  if (bad.length) throw new FleetError(appError('bad-request', `Not a valid email address: ${bad.join(', ')}. Nothing was staged.`));
  if (!out.length) throw new FleetError(appError('bad-request', 'Enter at least one customer email.'));
  return out;
}

/**
 * Turns the Timelines actions into staged ownership and assignment edits for
 * the devices in the basket: one undoable step, with every device that
 * cannot take part listed and why. Telemetron customers are checked before
 * staging, so the plan can say which ones it will create.
 */
export function ownershipStaging(deps: OwnershipStagingDeps) {
  const { store, ops, connections } = deps;
  const baseAsOf = (connectionId: string) => store.slice(connectionId)?.asOf ?? null;
  const firstTelemetron = () => connections.list().find((c) => c.vendor === 'telemetron')?.id ?? null;

  /** Whether each customer exists at one Telemetron connection: null when it could not be asked. */
  async function customersExist(connectionId: string | null, emails: readonly string[]): Promise<Map<string, boolean | null>> {
    const out = new Map<string, boolean | null>();
    const client = connectionId ? connections.client(connectionId, 'telemetron') : null;
    for (const email of emails) {
      if (!client || !deps.online() || !isValidEmail(email)) {
        out.set(email, null);
        continue;
      }
      try {
        out.set(email, (await client.queryCustomer(email)) !== null);
      } catch (err) {
        const e = toAppError(err);
        if (e.kind === 'network' || e.kind === 'timeout') {
          // Offline: say "could not check" for the rest too, without waiting on each.
          for (const rest of emails) if (!out.has(rest)) out.set(rest, null);
          break;
        }
        throw err;
      }
    }
    return out;
  }

  async function previewAssign(req: ParsedRequestOf<'ownership:previewAssign'>): Promise<ResultOf<'ownership:previewAssign'>> {
    const emails = [...new Set(req.emails.map(normalizeEmail).filter(Boolean))];
    const exists = await customersExist(firstTelemetron(), emails.filter(isValidEmail));
    return { customers: emails.map((email) => ({ email, valid: isValidEmail(email), exists: exists.get(email) ?? null })) };
  }

  /** The Telemetron side of a device: its connection, identifier and cached customers (null: not seen there). */
  function telemetronOf(d: FleetDevice) {
    const connectionId = d.telemetron?.connectionId ?? firstTelemetron();
    const identifier = telemetronIdentifier(d);
    return connectionId && identifier ? { connectionId, identifier, customers: d.telemetron ? d.telemetron.customers.map(normalizeEmail) : null } : null;
  }

  async function stage(req: ParsedRequestOf<'ownership:stage'>): Promise<ResultOf<'ownership:stage'>> {
    const edits: NewEdit[] = [];
    const skipped: Skipped = [];
    const devices: FleetDevice[] = [];
    for (const key of new Set(req.deviceKeys)) {
      const d = store.device(key);
      if (d) devices.push(d);
      else skipped.push({ key, name: key, reason: 'no longer in the fleet' });
    }
    const skip = (d: FleetDevice, reason: string) => skipped.push({ key: d.key, name: d.name, reason });

    if (req.action === 'take' || req.action === 'release') {
      for (const d of devices) {
        const ins = d.insiders;
        if (!ins?.connectionId) {
          skip(d, 'not at Insiders');
          continue;
        }
        const account = accountManager(store, ins.connectionId);
        const open = openSpans(d);
        const common = { connectionId: ins.connectionId, deviceKey: d.key, device: d.name, insidersDeviceId: ins.deviceId, baseOpenSpans: open, baseAsOf: baseAsOf(ins.connectionId) };
        const mine = open.filter((s) => s.manager === account);
        if (req.action === 'take') {
          if (mine.length) skip(d, 'already owned by this account');
          else edits.push({ ...common, kind: 'ownership.take', serialNumber: ins.serialNumber, deviceName: ins.deviceName });
          continue;
        }
        if (!open.length) skip(d, 'no current ownership to release');
        else if (account !== null && !mine.length) skip(d, `owned by ${open.map((s) => `manager ${s.manager}`).join(' and ')}, not by this account`);
        else if (account === null && open.length > 1) skip(d, 'several current owners, and fleetdesk does not know yet which one is this account: sync Insiders first');
        else edits.push({ ...common, kind: 'ownership.release', ownershipId: (mine[0] ?? open[0])!.id });
      }
      ops.stage(edits);
      return { staged: edits.length, skipped };
    }

    const targets = req.action === 'assign' ? checkedEmails(req.emails) : req.action === 'unassign' ? checkedEmails([req.email]) : checkedEmails([req.from, req.to]);
    if (req.action === 'transfer' && targets.length < 2) throw new FleetError(appError('bad-request', 'A transfer needs two different customers.'));
    const known = new Map<string, Map<string, boolean | null>>();
    const existence = async (connectionId: string) => {
      if (!known.has(connectionId)) known.set(connectionId, await customersExist(connectionId, req.action === 'assign' ? targets : req.action === 'transfer' ? [targets[1]!] : []));
      return known.get(connectionId)!;
    };

    for (const d of devices) {
      const tel = telemetronOf(d);
      if (!tel) {
        skip(d, d.serial ? 'no Telemetron connection' : 'no serial number (Telemetron knows devices by serial)');
        continue;
      }
      const common = { connectionId: tel.connectionId, deviceKey: d.key, device: d.name, identifier: tel.identifier, baseCustomers: tel.customers, baseAsOf: baseAsOf(tel.connectionId) };
      const has = (email: string) => tel.customers?.includes(email) ?? false;
      if (req.action === 'assign') {
        const emails = targets.filter((e) => !has(e));
        if (!emails.length) {
          skip(d, `already assigned to ${targets.join(', ')}`);
          continue;
        }
        const exists = await existence(tel.connectionId);
        edits.push({ ...common, kind: 'assignment.assign', emails, newCustomers: emails.filter((e) => exists.get(e) === false), uncheckedCustomers: emails.filter((e) => exists.get(e) == null) });
      } else if (req.action === 'unassign') {
        const [email] = targets as [string];
        if (!has(email)) skip(d, `not assigned to ${email} (as of the last sync)`);
        else edits.push({ ...common, kind: 'assignment.unassign', email });
      } else {
        const [from, to] = targets as [string, string];
        if (!has(from)) skip(d, `not assigned to ${from} (as of the last sync)`);
        else if (has(to)) skip(d, `already assigned to ${to}: unassign it from ${from} instead`);
        else {
          const exists = (await existence(tel.connectionId)).get(to);
          edits.push({ ...common, kind: 'assignment.transfer', from, to, newCustomers: exists === false ? [to] : [], uncheckedCustomers: exists == null ? [to] : [] });
        }
      }
    }
    ops.stage(edits);
    return { staged: edits.length, skipped };
  }

  return { previewAssign, stage };
}
