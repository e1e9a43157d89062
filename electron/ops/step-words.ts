import type { PlanCall, PlanStep } from '../../shared/ops/plan';

/** Each call in a technician's words. */
export const CALL_WORDS: Record<PlanCall, string> = {
  'algosec.addDevices': 'add to group',
  'algosec.removeDevices': 'remove from group',
  'algosec.createGroup': 'create group',
  'algosec.deleteGroup': 'delete group',
  'absolute.unenroll': 'unenroll',
  'insiders.takeOwnership': 'take ownership',
  'insiders.releaseOwnership': 'release ownership',
  'telemetron.assignDeviceToOwners': 'assign',
  'telemetron.unassignDeviceFromOwner': 'unassign',
  'telemetron.transfer': 'transfer',
};

const quoted = (s: string | undefined) => JSON.stringify(s ?? '');
const emails = (list: string[] | undefined) => `[${(list ?? []).map(quoted).join(', ')}]`;

/** What a step does, in words, without the device: "assign to a@x.com", "transfer from a@x.com to b@x.com". */
export function actionOf(step: PlanStep): string {
  const a = step.args ?? {};
  if (a.followUpOf) return `${a.followUpOf.action === 'finish' ? 'finish transfer' : 'roll back transfer'}: assign to ${(a.customerEmails ?? []).join(', ')}`;
  switch (step.call) {
    case 'telemetron.assignDeviceToOwners':
      return `assign to ${(a.customerEmails ?? []).join(', ')}`;
    case 'telemetron.unassignDeviceFromOwner':
      return `unassign from ${a.customerEmail ?? ''}`;
    case 'telemetron.transfer':
      return `transfer from ${a.from ?? ''} to ${a.to ?? ''}`;
    case 'insiders.releaseOwnership':
      return `release ownership ${a.ownershipId ?? ''}`.trim();
    default:
      return step.target ? `${CALL_WORDS[step.call]} ${step.target}` : CALL_WORDS[step.call];
  }
}

/** The exact vendor call(s) of a step, as the review shows them. */
export function callText(step: PlanStep): string {
  const a = step.args ?? {};
  switch (step.call) {
    case 'insiders.takeOwnership':
      return `insiders.takeOwnership(serial_number ${quoted(a.serialNumber)}, device_name ${quoted(a.deviceName)})`;
    case 'insiders.releaseOwnership':
      return `insiders.releaseOwnership(${a.ownershipId ?? '?'})`;
    case 'telemetron.assignDeviceToOwners':
      return `telemetron.assignDeviceToOwners(${quoted(a.deviceIdentifier)}, ${emails(a.customerEmails)})`;
    case 'telemetron.unassignDeviceFromOwner':
      return `telemetron.unassignDeviceFromOwner(${quoted(a.deviceIdentifier)}, ${quoted(a.customerEmail)})`;
    case 'telemetron.transfer':
      return `telemetron.unassignDeviceFromOwner(${quoted(a.deviceIdentifier)}, ${quoted(a.from)}), then assignDeviceToOwners(${quoted(a.deviceIdentifier)}, ${emails(a.to ? [a.to] : [])})`;
    default:
      return step.target ? `${step.call}(${quoted(step.target)})` : step.call;
  }
}

/** One line per step for the review: the devices it touches, and the customers Telemetron will create. */
export function stepItemsText(step: PlanStep): string {
  const n = step.items.length;
  const names = `${step.items
    .slice(0, 4)
    .map((i) => i.label)
    .join(', ')}${n > 4 ? '…' : ''}`;
  const created = step.args?.newCustomers?.length ? ` (${step.args.newCustomers.join(', ')} will be created)` : '';
  return step.args ? `${names}${created}` : `${n} ${n === 1 ? 'item' : 'items'}: ${names}`;
}

/** A step in a run's progress: "transfer from a@x.com to b@x.com: LPTP-X", "add to group Lab: 3 items". */
export function stepLabel(step: PlanStep): string {
  const n = step.items.length;
  return step.args ? `${actionOf(step)}: ${step.items.map((i) => i.label).join(', ')}` : `${actionOf(step)}: ${n} ${n === 1 ? 'item' : 'items'}`;
}
