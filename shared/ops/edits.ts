import { z } from 'zod';

/**
 * A staged edit: one intended change to one vendor, made against the cached
 * state it records in `base…` fields (so the conflict check can tell what
 * changed underneath). Edits wait in the draft until a plan is reviewed and applied.
 */
const common = {
  id: z.string(),
  connectionId: z.string(),
  /** When the edit was staged, and how old the cached data it was based on was. */
  stagedAt: z.string(),
  baseAsOf: z.string().nullable(),
};

/** The device an ownership or assignment edit is about: its fleet key and the name a technician reads. */
const device = { deviceKey: z.string(), device: z.string() };

/** An Insiders ownership span that was open when the edit was staged. */
const OpenSpanSchema = z.object({ id: z.number().int(), manager: z.number().int() });

/**
 * Telemetron customers the device was assigned to when staged; null when
 * fleetdesk had not seen the device at Telemetron (it cannot list devices).
 */
const baseCustomers = z.array(z.string()).nullable();

/** Whether each target customer existed when staged: new ones are created by Telemetron; unchecked ones could not be asked (offline). */
const targetCustomers = { newCustomers: z.array(z.string()), uncheckedCustomers: z.array(z.string()) };

export const StagedEditSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('group.add'), group: z.string(), device: z.string(), deviceKey: z.string() }),
  z.object({ ...common, kind: z.literal('group.remove'), group: z.string(), device: z.string(), deviceKey: z.string() }),
  z.object({ ...common, kind: z.literal('group.create'), group: z.string(), devices: z.array(z.string()), deviceKeys: z.array(z.string()) }),
  z.object({ ...common, kind: z.literal('group.delete'), group: z.string(), members: z.array(z.string()) }),
  /** Insiders: take ownership by serial number and device name (opens a span for this account). */
  z.object({ ...common, kind: z.literal('ownership.take'), ...device, insidersDeviceId: z.number().int(), serialNumber: z.string(), deviceName: z.string(), baseOpenSpans: z.array(OpenSpanSchema) }),
  /** Insiders: release this account's ownership span (ends it now). */
  z.object({ ...common, kind: z.literal('ownership.release'), ...device, insidersDeviceId: z.number().int(), ownershipId: z.number().int(), baseOpenSpans: z.array(OpenSpanSchema) }),
  /** Telemetron: assign the device to one or more customers (missing customers are created). */
  z.object({ ...common, kind: z.literal('assignment.assign'), ...device, identifier: z.string(), emails: z.array(z.string()).min(1), ...targetCustomers, baseCustomers }),
  z.object({ ...common, kind: z.literal('assignment.unassign'), ...device, identifier: z.string(), email: z.string(), baseCustomers }),
  /** Telemetron: unassign from `from`, then assign to `to`: one item, two calls. */
  z.object({ ...common, kind: z.literal('assignment.transfer'), ...device, identifier: z.string(), from: z.string(), to: z.string(), ...targetCustomers, baseCustomers }),
]);
export type StagedEdit = z.infer<typeof StagedEditSchema>;
export type EditKind = StagedEdit['kind'];
export type OpenSpan = z.infer<typeof OpenSpanSchema>;
export type CustodyEdit = Extract<StagedEdit, { kind: `ownership.${string}` | `assignment.${string}` }>;

export const isCustodyEdit = (e: StagedEdit): e is CustodyEdit => e.kind.startsWith('ownership.') || e.kind.startsWith('assignment.');

/** The edits of one user action (a drop of five devices is one undo step). */
export const DraftFileSchema = z.object({
  version: z.literal(1),
  done: z.array(z.array(StagedEditSchema)),
  undone: z.array(z.array(StagedEditSchema)),
});
export type DraftFile = z.infer<typeof DraftFileSchema>;

export function describeEdit(e: StagedEdit): string {
  switch (e.kind) {
    case 'group.add':
      return `Add ${e.device} to ${e.group}`;
    case 'group.remove':
      return `Remove ${e.device} from ${e.group}`;
    case 'group.create':
      return `Create group ${e.group} with ${e.devices.length} device${e.devices.length === 1 ? '' : 's'}`;
    case 'group.delete':
      return `Delete group ${e.group}`;
    case 'ownership.take':
      return `Take ownership of ${e.device} at Insiders`;
    case 'ownership.release':
      return `Release ownership of ${e.device} at Insiders`;
    case 'assignment.assign':
      return `Assign ${e.device} to ${e.emails.join(', ')}`;
    case 'assignment.unassign':
      return `Unassign ${e.device} from ${e.email}`;
    case 'assignment.transfer':
      return `Transfer ${e.device} from ${e.from} to ${e.to}`;
  }
}

/** The vendor an edit goes to. */
export function vendorOfEdit(e: StagedEdit): 'algosec' | 'insiders' | 'telemetron' {
  return e.kind.startsWith('group.') ? 'algosec' : e.kind.startsWith('ownership.') ? 'insiders' : 'telemetron';
}

/** An edit as a feature proposes it; the draft adds its id and time. */
export type NewEdit = StagedEdit extends infer E ? (E extends StagedEdit ? Omit<E, 'id' | 'stagedAt'> : never) : never;
