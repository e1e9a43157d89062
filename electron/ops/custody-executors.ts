import { toAppError } from '../../shared/errors';
import type { ItemResult, PlanStep } from '../../shared/ops/plan';
import type { InsidersClient } from '../vendors/insiders/client';
import type { TelemetronClient } from '../vendors/telemetron/client';
import type { Executor } from './executor';

/** Ownership and assignment steps act on one device each: one result. */
const one = (status: ItemResult['status'], reason: string | null, detail?: Record<string, unknown>): ItemResult[] => [{ status, reason, ...(detail ? { detail } : {}) }];

/** A call that failed: "unknown" when it may have reached the vendor, so nobody resends it blindly. */
function failed(err: unknown): ItemResult[] {
  const e = toAppError(err);
  return one(e.outcomeUnknown ? 'unknown' : 'failed', e.message);
}

const cannot = (step: PlanStep) => one('failed', `This connection cannot run ${step.call}.`);

/** Insiders: take (serial number + device name) and release (ownership id); a re-check reads the device's spans. */
export function insidersExecutor(client: InsidersClient): Executor {
  return {
    async execute(step, signal) {
      const a = step.args ?? {};
      try {
        if (step.call === 'insiders.takeOwnership' && a.serialNumber !== undefined && a.deviceName !== undefined) {
          const span = await client.takeOwnership({ serialNumber: a.serialNumber, deviceName: a.deviceName }, signal);
          return one('done', `Ownership ${span.id} opened for manager ${span.manager}.`, { ownershipId: span.id, manager: span.manager });
        }
        if (step.call === 'insiders.releaseOwnership' && a.ownershipId !== undefined) {
          const span = await client.releaseOwnership(a.ownershipId, signal);
          return one('done', `Ownership ${span.id} ended.`, { ownershipId: span.id });
        }
      } catch (err) {
        return failed(err);
      }
      return cannot(step);
    },
    async verify(step, signal) {
      const a = step.args ?? {};
      const deviceId = a.insidersDeviceId ?? (a.serialNumber ? await client.deviceIdForSerial(a.serialNumber, signal) : null);
      if (deviceId === null) return one('failed', 'Insiders does not list this device.');
      const spans = await client.ownershipsOfDevice(deviceId, signal);
      if (step.call === 'insiders.takeOwnership') {
        const known = new Set(a.openSpanIds ?? []);
        const opened = spans.find((s) => s.endTime === null && !known.has(s.id));
        return opened ? one('done', `Insiders shows a new ownership (${opened.id}, manager ${opened.manager}): it was taken.`) : one('failed', 'Insiders shows no new ownership: it was not taken.');
      }
      const span = spans.find((s) => s.id === a.ownershipId);
      if (!span) return one('failed', `Insiders has no ownership ${a.ownershipId ?? ''} for this device.`);
      return span.endTime === null ? one('failed', 'The ownership is still open at Insiders: it was not released.') : one('done', `Insiders shows the ownership ended: released.`);
    },
  };
}

/**
 * Telemetron: assign (one device, its customers), unassign, and transfer as
 * one item making two calls. A transfer whose assign fails after the
 * unassign succeeded ends "partial" (half done), never retried on its own:
 * the user finishes it or rolls it back.
 */
export function telemetronExecutor(client: TelemetronClient): Executor {
  const assign = async (identifier: string, emails: string[], signal: AbortSignal): Promise<ItemResult[]> => {
    const r = await client.assignDeviceToOwners({ deviceIdentifier: identifier, customerEmails: emails }, signal);
    const assigned = new Set(r.assignedCustomers.map((c) => c.email));
    const skipped = emails.filter((e) => !assigned.has(e.trim().toLowerCase()));
    if (skipped.length) return one('failed', `Telemetron did not assign ${skipped.join(', ')} (it skips addresses it considers invalid).`);
    const created = r.assignedCustomers.filter((c) => c.wasCreated).map((c) => c.email);
    return one('done', created.length ? `Assigned; new customer${created.length === 1 ? '' : 's'} created: ${created.join(', ')}.` : null, { created });
  };

  return {
    async execute(step, signal) {
      const a = step.args ?? {};
      const id = a.deviceIdentifier;
      if (id === undefined) return cannot(step);
      if (step.call === 'telemetron.assignDeviceToOwners' && a.customerEmails) {
        try {
          return await assign(id, a.customerEmails, signal);
        } catch (err) {
          return failed(err);
        }
      }
      if (step.call === 'telemetron.unassignDeviceFromOwner' && a.customerEmail) {
        try {
          await client.unassignDeviceFromOwner({ deviceIdentifier: id, customerEmail: a.customerEmail }, signal);
          return one('done', null);
        } catch (err) {
          return failed(err);
        }
      }
      if (step.call === 'telemetron.transfer' && a.from && a.to) {
        try {
          await client.unassignDeviceFromOwner({ deviceIdentifier: id, customerEmail: a.from }, signal);
        } catch (err) {
          const e = toAppError(err);
          if (e.outcomeUnknown) return one('unknown', `The unassign from ${a.from} was sent but no answer came back; nothing was assigned to ${a.to}. Re-check to see where it stands.`);
          return one('failed', `Nothing changed: ${e.message}`);
        }
        try {
          return await assign(id, [a.to], signal).then((r) => (r[0]!.status === 'done' ? r : one('partial', `Half done: unassigned from ${a.from}, not yet assigned to ${a.to}. ${r[0]!.reason ?? ''}`.trim())));
        } catch (err) {
          const e = toAppError(err);
          if (e.outcomeUnknown) return one('unknown', `Unassigned from ${a.from}; the assign to ${a.to} was sent but no answer came back. Re-check to see where it stands.`);
          return one('partial', `Half done: unassigned from ${a.from}, not yet assigned to ${a.to}. ${e.message}`);
        }
      }
      return cannot(step);
    },
    async verify(step, signal) {
      const a = step.args ?? {};
      const id = a.deviceIdentifier ?? '';
      const has = async (email: string) => (await client.queryCustomer(email, signal))?.devices.includes(id) ?? false;
      if (step.call === 'telemetron.assignDeviceToOwners') {
        const missing: string[] = [];
        for (const email of a.customerEmails ?? []) if (!(await has(email))) missing.push(email);
        return missing.length ? one('failed', `Telemetron does not show it assigned to ${missing.join(', ')}.`) : one('done', 'Confirmed by reading Telemetron.');
      }
      if (step.call === 'telemetron.unassignDeviceFromOwner') {
        return (await has(a.customerEmail ?? '')) ? one('failed', `Still assigned to ${a.customerEmail}: it was not unassigned.`) : one('done', 'Confirmed by reading Telemetron.');
      }
      const [inFrom, inTo] = [await has(a.from ?? ''), await has(a.to ?? '')];
      if (!inFrom && inTo) return one('done', `Confirmed by reading Telemetron: assigned to ${a.to}, no longer to ${a.from}.`);
      if (!inFrom && !inTo) return one('partial', `Half done: unassigned from ${a.from}, not yet assigned to ${a.to}.`);
      if (inFrom && !inTo) return one('failed', `Nothing changed: still assigned to ${a.from}, not to ${a.to}.`);
      return one('failed', `Telemetron shows it assigned to both ${a.from} and ${a.to}.`);
    },
  };
}
