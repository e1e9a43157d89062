import type { AbsoluteDevice, TelemetronDevice } from '../../shared/model';
import type { VendorId } from '../../shared/vendors';
import type { RunState } from '../ops/run-state';
import { normalizeEmail } from '../vendors/telemetron/email';
import type { AppliedChange, CustodyHistory } from './custody-history';

/**
 * A finished sync of one connection, in the custody history: Telemetron
 * assignments (only the customers that sync asked about can end) and the
 * Absolute last logged-in user. Other vendors carry their own times.
 */
export function recordSlice(history: CustodyHistory, connectionId: string, vendor: VendorId, records: readonly unknown[], asOf: string, meta: Record<string, unknown> = {}): void {
  if (vendor === 'telemetron') {
    const pairs = (records as TelemetronDevice[]).flatMap((d) => d.customers.map((who) => ({ device: d.identifier, who })));
    const asked = Array.isArray(meta.customers) ? new Set((meta.customers as string[]).map(normalizeEmail)) : null;
    history.recordSync(connectionId, asOf, pairs, asked);
  } else if (vendor === 'absolute') {
    history.recordSync(
      connectionId,
      asOf,
      (records as AbsoluteDevice[]).map((d) => ({ device: d.deviceUid, who: d.username })),
    );
  }
}

/** What a finished run changed at Telemetron, in the custody history, marked as made by fleetdesk. */
export function recordRun(history: CustodyHistory, run: RunState, at: string): void {
  const byConnection = new Map<string, AppliedChange[]>();
  for (const step of run.plan.steps) {
    const status = run.steps.get(step.id)?.items?.[0]?.status;
    const a = step.args;
    if (step.vendor !== 'telemetron' || !a?.deviceIdentifier || (status !== 'done' && status !== 'partial')) continue;
    const device = a.deviceIdentifier;
    const change = (who: string, event: 'start' | 'end'): AppliedChange => ({ device, who: normalizeEmail(who), event, runId: run.runId });
    const changes: AppliedChange[] = [];
    if (step.call === 'telemetron.assignDeviceToOwners' && status === 'done') changes.push(...(a.customerEmails ?? []).map((c) => change(c, 'start')));
    if (step.call === 'telemetron.unassignDeviceFromOwner' && status === 'done' && a.customerEmail) changes.push(change(a.customerEmail, 'end'));
    if (step.call === 'telemetron.transfer' && a.from && a.to) {
      changes.push(change(a.from, 'end'));
      if (status === 'done') changes.push(change(a.to, 'start'));
    }
    byConnection.set(step.connectionId, [...(byConnection.get(step.connectionId) ?? []), ...changes]);
  }
  for (const [connectionId, changes] of byConnection) history.recordApplied(connectionId, at, changes);
}
