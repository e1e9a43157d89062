import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustodyPlanContext } from '../../../electron/ops/custody-plan';
import { DraftStore } from '../../../electron/ops/draft-store';
import { buildPlan } from '../../../electron/ops/plan';
import { callText } from '../../../electron/ops/step-words';
import type { StagedEdit } from '../../../shared/ops/edits';
import { callsOf } from '../../../shared/ops/plan';

const NOW = new Date('2026-03-10T12:00:00Z');
let n = 0;
const id = () => `e${++n}`;
const base = { stagedAt: '', baseAsOf: '2026-03-10T11:00:00Z' };
const take = (device: string, open: Array<{ id: number; manager: number }> = []): StagedEdit => ({ ...base, id: id(), kind: 'ownership.take', connectionId: 'ins', deviceKey: `serial:${device}`, device, insidersDeviceId: 7, serialNumber: device, deviceName: `LPTP-${device}`, baseOpenSpans: open });
const release = (device: string, ownershipId: number): StagedEdit => ({ ...base, id: id(), kind: 'ownership.release', connectionId: 'ins', deviceKey: `serial:${device}`, device, insidersDeviceId: 7, ownershipId, baseOpenSpans: [{ id: ownershipId, manager: 101 }] });
const assign = (device: string, emails: string[], newCustomers: string[] = []): StagedEdit => ({ ...base, id: id(), kind: 'assignment.assign', connectionId: 'tel', deviceKey: `serial:${device}`, device, identifier: device, emails, newCustomers, uncheckedCustomers: [], baseCustomers: [] });
const unassign = (device: string, email: string): StagedEdit => ({ ...base, id: id(), kind: 'assignment.unassign', connectionId: 'tel', deviceKey: `serial:${device}`, device, identifier: device, email, baseCustomers: [email] });
const transfer = (device: string, from: string, to: string, newCustomers: string[] = []): StagedEdit => ({ ...base, id: id(), kind: 'assignment.transfer', connectionId: 'tel', deviceKey: `serial:${device}`, device, identifier: device, from, to, newCustomers, uncheckedCustomers: [], baseCustomers: [from] });

/** The cache as the plan sees it: A owned by this account (101), B by manager 104, C by nobody, D gone from Insiders. */
const custody = (over: Partial<CustodyPlanContext> = {}): CustodyPlanContext => ({
  insiders: (_c, key) =>
    ({ 'serial:A': { openSpans: [{ id: 1, manager: 101 }], account: 101 }, 'serial:B': { openSpans: [{ id: 2, manager: 104 }], account: 101 }, 'serial:C': { openSpans: [], account: 101 } })[key] ?? null,
  telemetronCustomers: (_c, key) => ({ 'serial:A': ['a@x.example'], 'serial:B': ['a@x.example'] })[key] ?? null,
  asOf: () => '2026-03-10T11:00:00Z',
  staleAfterHours: 24,
  ...over,
});
const plan = (edits: StagedEdit[], ctx = custody()) => buildPlan(edits, { members: () => [], emptyGroupChoice: () => undefined, custody: ctx, now: () => NOW });

describe('ownership and assignment plans', () => {
  it('one exact call per device: Insiders take by serial number and device name, release by ownership id', () => {
    const p = plan([take('B', [{ id: 2, manager: 104 }]), release('A', 1)]);
    expect(p.steps.map((s) => [s.vendor, s.call, s.args, s.destructive])).toEqual([
      ['insiders', 'insiders.takeOwnership', { serialNumber: 'B', deviceName: 'LPTP-B', insidersDeviceId: 7, openSpanIds: [2] }, false],
      ['insiders', 'insiders.releaseOwnership', { ownershipId: 1, insidersDeviceId: 7 }, true],
    ]);
    expect(p.steps.map(callText)).toEqual(['insiders.takeOwnership(serial_number "B", device_name "LPTP-B")', 'insiders.releaseOwnership(1)']);
    expect(p.summary).toBe('Take ownership of 1 device at Insiders, release 1 ownership at Insiders in 2 vendor calls.');
  });

  it('Telemetron: assign per device with its emails, new customers flagged; unassign per customer', () => {
    const p = plan([assign('A', ['b@x.example', 'new@y.example'], ['new@y.example']), unassign('B', 'a@x.example')]);
    expect(p.steps.map((s) => [s.call, s.args, s.destructive])).toEqual([
      ['telemetron.assignDeviceToOwners', { deviceIdentifier: 'A', customerEmails: ['b@x.example', 'new@y.example'], newCustomers: ['new@y.example'] }, false],
      ['telemetron.unassignDeviceFromOwner', { deviceIdentifier: 'B', customerEmail: 'a@x.example' }, true],
    ]);
    expect(p.warnings).toContainEqual({ level: 'info', message: 'Telemetron will create this new customer (named after the email prefix): new@y.example.' });
  });

  it('a transfer is ONE planned item per device that makes two calls: unassign from A, then assign to B', () => {
    const p = plan([transfer('A', 'a@x.example', 'b@x.example'), transfer('B', 'a@x.example', 'b@x.example')]);
    expect(p.steps).toHaveLength(2);
    expect(p.steps.every((s) => s.items.length === 1 && s.destructive && callsOf(s) === 2)).toBe(true);
    expect(callText(p.steps[0]!)).toBe('telemetron.unassignDeviceFromOwner("A", "a@x.example"), then assignDeviceToOwners("A", ["b@x.example"])');
    expect(p.summary).toBe('Transfer 2 devices between Telemetron customers in 4 vendor calls.');
  });

  it('additions go out before removals', () => {
    const p = plan([release('A', 1), unassign('B', 'a@x.example'), transfer('A', 'a@x.example', 'c@x.example'), assign('C', ['a@x.example']), take('C')]);
    expect(p.steps.map((s) => s.call)).toEqual(['insiders.takeOwnership', 'telemetron.assignDeviceToOwners', 'telemetron.transfer', 'telemetron.unassignDeviceFromOwner', 'insiders.releaseOwnership']);
  });

  it('warns: taking a device another manager owns makes an overlap; the account owning it already is refused', () => {
    const p = plan([take('B', [{ id: 2, manager: 104 }]), take('A')]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      '1 device is owned by another manager at Insiders now: B (manager 104). Taking it gives it two owners at once (an overlap).',
      'This account already owns A at Insiders: Insiders will refuse to take it again.',
    ]);
    expect(p.warnings.every((w) => w.level === 'warning')).toBe(true);
  });

  it('warns: releasing a device with no current span, or another manager’s span', () => {
    const p = plan([release('C', 9), release('B', 2)]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      'C has no current ownership span to release any more (the last sync shows it ended): Insiders will answer that it already ended.',
      'The current span of B (manager 104) belongs to another manager: Insiders only lets this account release its own.',
    ]);
  });

  it('warns: a device not found at that vendor (gone from Insiders, never seen at Telemetron, no longer with that customer)', () => {
    const p = plan([take('D'), assign('D', ['a@x.example']), unassign('C', 'a@x.example'), transfer('A', 'z@x.example', 'b@x.example')]);
    const messages = p.warnings.map((w) => w.message);
    expect(messages).toContain('Insiders no longer lists D (last sync): this call will likely fail.');
    expect(messages).toContain('fleetdesk has not seen D, C at Telemetron (it only sees devices through their customers): if Telemetron does not know them, it answers "Device not found".');
    expect(messages).toContain('The last sync no longer shows A (z@x.example) assigned to that customer: Telemetron will refuse to unassign it.');
  });

  it('warns when the data behind the changes is stale or was never synced', () => {
    const stale = plan([take('B')], custody({ asOf: (c) => (c === 'ins' ? '2026-03-06T12:00:00Z' : null) }));
    expect(stale.warnings.map((w) => w.message)).toContain('The Insiders data these changes are based on is 4 days old: sync first, or rely on the check for changes before applying.');
    const never = plan([assign('A', ['b@x.example'])], custody({ asOf: () => null }));
    expect(never.warnings.map((w) => w.message)).toContain('Telemetron has not been synced yet: these changes are not based on its data. Sync first.');
  });

  it('lists many devices in one warning, not one warning each', () => {
    const edits = ['B', 'B2', 'B3', 'B4', 'B5'].map((d) => take(d, [{ id: 2, manager: 104 }]));
    const p = plan(edits, custody({ insiders: () => ({ openSpans: [{ id: 2, manager: 104 }], account: 101 }) }));
    expect(p.warnings.map((w) => w.message)).toEqual(['5 devices are owned by another manager at Insiders now: B (manager 104), B2 (manager 104), B3 (manager 104) and 2 more. Taking them gives each two owners at once (an overlap).']);
  });
});

describe('staging the same change again', () => {
  const draft = () => new DraftStore(join(mkdtempSync(join(tmpdir(), 'draft-')), 'draft.json'));

  it('merges: a second take of the same device is one take; a second assign widens the customers', () => {
    const d = draft();
    d.stage([take('A')]);
    d.stage([take('A'), assign('A', ['a@x.example'])]);
    d.stage([assign('A', ['b@x.example', 'a@x.example'], ['b@x.example'])]);
    const edits = d.edits();
    expect(edits.map((e) => e.kind)).toEqual(['ownership.take', 'assignment.assign']);
    expect(edits[1]).toMatchObject({ emails: ['a@x.example', 'b@x.example'], newCustomers: ['b@x.example'] });
    expect(plan(edits).steps).toHaveLength(2);
  });

  it('a transfer staged again from the same customer replaces the earlier one; there and back cancels', () => {
    const d = draft();
    d.stage([transfer('A', 'a@x.example', 'b@x.example')]);
    d.stage([transfer('A', 'a@x.example', 'c@x.example')]);
    expect(d.edits()).toEqual([expect.objectContaining({ kind: 'assignment.transfer', to: 'c@x.example' })]);
    d.stage([transfer('A', 'c@x.example', 'a@x.example')]);
    expect(d.edits()).toEqual([]);
  });

  it('assign then unassign of the same customer cancels out', () => {
    const d = draft();
    d.stage([assign('A', ['b@x.example'])]);
    d.stage([unassign('A', 'b@x.example')]);
    expect(d.edits()).toEqual([]);
  });

  it('discarding a merged change after an apply discards every staging of it, and undo still works per step', () => {
    const d = draft();
    d.stage([take('A')]);
    d.stage([take('A')]);
    const [merged] = d.edits();
    d.discard([merged!.id]);
    expect(d.edits()).toEqual([]);
    d.stage([take('B')]);
    d.stage([take('B')]);
    d.undo();
    expect(d.edits()).toHaveLength(1);
  });
});
