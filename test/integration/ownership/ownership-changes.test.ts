import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_END } from '../../../shared/model';
import { expectStaged, outcomes, startOwnershipHarness, type Harness } from './harness';

const OWNERSHIP = ['ownership.take', 'ownership.release'];
const ASSIGNMENT = ['assignment.assign', 'assignment.unassign', 'assignment.transfer'];

let h: Harness;
beforeEach(async () => {
  h = await startOwnershipHarness();
});
afterEach(() => h.close());

/** Open Insiders spans of a device at the simulator, as [manager] sorted. */
const openManagers = (serial: string) => {
  const d = h.ins.devicesBySerial.get(serial)!;
  return (h.ins.ownershipsByDevice.get(d.id) ?? [])
    .filter((o) => o.end_time === OPEN_END)
    .map((o) => o.manager)
    .sort();
};

describe('Insiders take and release through the change engine', () => {
  it('takes a device another manager owns (warned: an overlap), and the next sync shows both owners', async () => {
    const serial = [...h.ins.devicesBySerial.keys()].find((s, i) => i > 8 && openManagers(s).length === 1 && openManagers(s)[0] !== 101)!;
    const [other] = openManagers(serial);
    expect(h.store.slice('demo-insiders')?.meta.managerId).toBe(101);

    expectStaged(await h.staging.stage({ action: 'take', deviceKeys: [h.key(serial)] }), 1);
    const { plan, run } = await h.applyStaged(OWNERSHIP);
    expect(plan.steps.map((s) => s.call)).toEqual([`insiders.takeOwnership(serial_number "${serial}", device_name "${h.ins.devicesBySerial.get(serial)!.device_name}")`]);
    expect(plan.warnings.map((w) => w.message)).toContain(`1 device is owned by another manager at Insiders now: ${h.store.device(h.key(serial))!.name} (manager ${other}). Taking it gives it two owners at once (an overlap).`);
    expect(outcomes(run)).toEqual([[h.store.device(h.key(serial))!.name, 'done']]);
    expect(openManagers(serial)).toEqual([other, 101].sort());
    expect(h.store.device(h.key(serial))!.insiders!.ownerships.filter((o) => o.endTime === null)).toHaveLength(2);
  });

  it('releases this account’s span of the overlapping demo device CNF83051BQ; the other manager keeps theirs', async () => {
    expect(openManagers('CNF83051BQ')).toEqual([101, 104]);
    expectStaged(await h.staging.stage({ action: 'release', deviceKeys: [h.key('CNF83051BQ')] }), 1);
    const { plan, run } = await h.applyStaged(OWNERSHIP);
    expect(plan.destructive).toBe(1);
    expect(outcomes(run)).toEqual([['LPTP-TNOVAK', 'done']]);
    expect(openManagers('CNF83051BQ')).toEqual([104]);
    expect(h.store.device(h.key('CNF83051BQ'))!.insiders!.ownerships.filter((o) => o.endTime === null).map((o) => o.manager)).toEqual([104]);
  });

  it('skips, with a reason, what cannot be staged: not at Insiders, already ours, nothing to release, someone else’s span', async () => {
    const r = await h.staging.stage({ action: 'take', deviceKeys: [h.key('CNF83051BN'), h.key('CNF83051BQ')] });
    expect(r.skipped.map((s) => s.reason)).toEqual(['not at Insiders', 'already owned by this account']);
    const rel = await h.staging.stage({ action: 'release', deviceKeys: [h.key('CNF83052AA'), h.key('5CG2140XQ7')] });
    expect(rel.skipped.map((s) => s.reason)).toEqual(['no current ownership to release', 'owned by manager 103, not by this account']);
    expect(h.ops.draft.edits()).toEqual([]);
  });
});

describe('Telemetron assign, unassign and transfer through the change engine', () => {
  it('assigns to an existing and a not-yet-existing customer: checked first, flagged "will be created", created by Telemetron', async () => {
    const a = h.customerWith(1);
    const serial = a.devices[0]!;
    const preview = await h.staging.previewAssign({ emails: [' Newbie@Fresh.example ', 'not an email', a.email] });
    expect(preview.customers).toEqual([
      { email: 'newbie@fresh.example', valid: true, exists: false },
      { email: 'not an email', valid: false, exists: null },
      { email: a.email, valid: true, exists: true },
    ]);

    await expect(h.staging.stage({ action: 'assign', deviceKeys: [h.key(serial)], emails: ['newbie@fresh.example', 'broken@'] })).rejects.toThrow(/Not a valid email address: broken@/);
    expect(h.ops.draft.edits()).toEqual([]);

    expectStaged(await h.staging.stage({ action: 'assign', deviceKeys: [h.key(serial)], emails: ['Newbie@Fresh.example'] }), 1);
    const { plan, run } = await h.applyStaged(ASSIGNMENT);
    expect(plan.steps[0]!.label).toBe(`${h.store.device(h.key(serial))!.name} (newbie@fresh.example will be created)`);
    expect(plan.warnings).toContainEqual({ level: 'info', message: 'Telemetron will create this new customer (named after the email prefix): newbie@fresh.example.' });
    expect(run.steps[0]!.items[0]).toMatchObject({ status: 'done', reason: 'Assigned; new customer created: newbie@fresh.example.' });
    expect(h.tel.customer('newbie@fresh.example')).toMatchObject({ name: 'newbie', devices: [serial] });
    // The new customer is watched from now on, so the sync after the apply sees the assignment.
    expect(h.store.device(h.key(serial))!.telemetron!.customers.sort()).toEqual([a.email, 'newbie@fresh.example'].sort());
    expect(h.history.spans('demo-telemetron', serial).find((s) => s.who === 'newbie@fresh.example')).toMatchObject({ startBy: 'fleetdesk', end: null });
  });

  it('unassigns a device from a customer; the history says fleetdesk ended it', async () => {
    const a = h.customerWith(1);
    const serial = a.devices[0]!;
    expectStaged(await h.staging.stage({ action: 'unassign', deviceKeys: [h.key(serial)], email: a.email }), 1);
    const { run } = await h.applyStaged(ASSIGNMENT);
    expect(outcomes(run)).toEqual([[h.store.device(h.key(serial))?.name ?? serial, 'done']]);
    expect(h.customersAtVendor(serial)).toEqual([]);
    expect(h.history.spans('demo-telemetron', serial)).toEqual([expect.objectContaining({ who: a.email, endBy: 'fleetdesk', before: true })]);
  });

  it('transfers three devices from one customer to another: one item per device, two calls each', async () => {
    const a = h.customerWith(3);
    const b = h.customerWith(1, [a.email]);
    const before = h.running.sims.telemetron.requests.get('POST /api/ext-v1/deviceAssignment/unassignDeviceFromOwner') ?? 0;
    expectStaged(await h.staging.stage({ action: 'transfer', deviceKeys: a.devices.map(h.key), from: a.email, to: b.email }), 3);
    const { plan, run } = await h.applyStaged(ASSIGNMENT);
    expect(plan.summary).toBe('Transfer 3 devices between Telemetron customers in 6 vendor calls.');
    expect(plan.destructive).toBe(3);
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(h.running.sims.telemetron.requests.get('POST /api/ext-v1/deviceAssignment/unassignDeviceFromOwner')).toBe(before + 3);
    for (const serial of a.devices) {
      expect(h.customersAtVendor(serial)).toEqual([b.email]);
      expect(h.store.device(h.key(serial))!.telemetron!.customers).toEqual([b.email]);
      expect(h.history.spans('demo-telemetron', serial).map((s) => [s.who, s.end === null, s.startBy, s.endBy])).toEqual([
        [a.email, false, 'sync', 'fleetdesk'],
        [b.email, true, 'fleetdesk', null],
      ]);
    }
    expect(h.ops.activity.all({ action: 'transfer' })).toHaveLength(3);
  });

  it(
    'a transfer whose second call fails is half done; Finish and Roll back each go through the engine and end in the right vendor state',
    async () => {
      const a = h.customerWith(3);
      const b = h.customerWith(1, [a.email]);
      const [ok, finish, rollback] = a.devices as [string, string, string];
      // The assign half fails for two devices, every retry included (1 + 4 attempts).
      h.tel.failNextAssigns(finish, 5);
      h.tel.failNextAssigns(rollback, 5);
      expectStaged(await h.staging.stage({ action: 'transfer', deviceKeys: [ok, finish, rollback].map(h.key), from: a.email, to: b.email }), 3);
      const { run } = await h.applyStaged(ASSIGNMENT);
      const item = (serial: string) => run.steps.find((s) => s.items[0]!.label === h.store.device(h.key(serial))!.name)!;
      expect(item(ok).status).toBe('done');
      for (const serial of [finish, rollback]) {
        expect(item(serial).items[0]).toMatchObject({ status: 'partial', halfDone: { from: a.email, to: b.email } });
        expect(item(serial).items[0]!.reason).toMatch(new RegExp(`^Half done: unassigned from ${a.email}, not yet assigned to ${b.email}\\. Telemetron`));
        expect(h.customersAtVendor(serial)).toEqual([]);
      }
      // "Retry failed" never resends a half-done transfer (its unassign would be refused now).
      expect(await h.ops.control(run.runId, 'retry-failed')).toMatchObject({ runId: run.runId });

      const finished = await h.followUp(run.runId, [item(finish).id], 'finish');
      expect(finished.summary).toBe('Finish 1 half-done transfer: assign to the new customer.');
      expect(outcomes(finished)).toEqual([[h.store.device(h.key(finish))!.name, 'done']]);
      expect(h.customersAtVendor(finish)).toEqual([b.email]);

      const rolledBack = await h.followUp(run.runId, [item(rollback).id], 'rollback');
      expect(outcomes(rolledBack)).toEqual([[h.store.device(h.key(rollback))!.name, 'done']]);
      expect(h.customersAtVendor(rollback)).toEqual([a.email]);

      // The first run now says how each half-done item ended, and nothing is left to finish.
      const after = h.ops.runView(run.runId);
      expect(after.steps.find((s) => s.id === item(finish).id)!.items[0]).toMatchObject({ status: 'done', reason: `Finished afterwards: assigned to ${b.email}.` });
      expect(after.steps.find((s) => s.id === item(rollback).id)!.items[0]).toMatchObject({ status: 'skipped', reason: `Rolled back: assigned to ${a.email} again; not transferred.` });
      expect(() => h.ops.followUp(run.runId, [item(finish).id], 'finish')).toThrow(/Nothing in that run is half done/);
      expect(h.history.spans('demo-telemetron', rollback).map((s) => [s.who, s.startBy, s.endBy])).toEqual([
        [a.email, 'sync', 'fleetdesk'],
        [a.email, 'fleetdesk', null],
      ]);
    },
    60_000,
  );

  it('re-checks a transfer whose outcome is unknown by reading Telemetron, and never resends it', async () => {
    const a = h.customerWith(1);
    const b = h.customerWith(1, [a.email]);
    const serial = a.devices[0]!;
    expectStaged(await h.staging.stage({ action: 'transfer', deviceKeys: [h.key(serial)], from: a.email, to: b.email }), 1);
    const plan = h.ops.plan({ kinds: ASSIGNMENT });
    await h.ops.check(plan.planId);
    // The unassign is sent but no answer comes back (the connection drops): its outcome is unknown.
    const sent = () => h.running.sims.telemetron.requests.get('POST /api/ext-v1/deviceAssignment/unassignDeviceFromOwner') ?? 0;
    const sentBefore = sent();
    h.running.sims.telemetron.setFaults({ dropRate: 1 });
    const end = h.untilFinished();
    h.ops.apply(plan.planId, undefined);
    const run = h.ops.runView((await end).runId);
    h.running.sims.telemetron.setFaults({});
    expect(run.steps[0]!.items[0]).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/^The unassign from .* was sent but no answer came back/) });
    expect(sent()).toBe(sentBefore + 1);
    expect(h.customersAtVendor(serial)).toEqual([a.email]); // dropped before Telemetron acted on it

    const rechecked = await h.ops.control(run.runId, 'recheck-unknown');
    expect(rechecked.steps[0]!.items[0]).toMatchObject({ status: 'failed', reason: `Nothing changed: still assigned to ${a.email}, not to ${b.email}.` });
    expect(sent()).toBe(sentBefore + 1);
  });
});

describe('the conflict check re-reads the vendors', () => {
  it('a Telemetron assignment changed between staging and apply: cached / intended / current, and "take theirs" sends nothing', async () => {
    const a = h.customerWith(2);
    const b = h.customerWith(1, [a.email]);
    const [moved, kept] = a.devices as [string, string];
    expectStaged(await h.staging.stage({ action: 'transfer', deviceKeys: [moved, kept].map(h.key), from: a.email, to: b.email }), 2);
    // Someone at the Telemetron console moves one device to b first.
    h.tel.customer(a.email)!.devices.splice(h.tel.customer(a.email)!.devices.indexOf(moved), 1);
    h.tel.customer(b.email)!.devices.push(moved);

    const sent = () => h.running.sims.telemetron.requests.get('POST /api/ext-v1/deviceAssignment/unassignDeviceFromOwner') ?? 0;
    const before = sent();
    const { conflicts, run } = await h.applyStaged(ASSIGNMENT, (planId, found) => {
      expect(found).toEqual([
        {
          id: expect.any(String),
          label: `Transfer ${h.store.device(h.key(moved))!.name} from ${a.email} to ${b.email}`,
          cached: `assigned to ${a.email}`,
          intended: `assigned to ${b.email}`,
          current: `assigned to ${b.email}`,
          resolution: null,
        },
      ]);
      expect(() => h.ops.apply(planId, undefined)).toThrow(/Choose what to do/);
      h.ops.resolve(planId, found[0]!.id, 'take-theirs');
    });
    expect(conflicts).toHaveLength(1);
    expect(outcomes(run)).toEqual([[h.store.device(h.key(kept))!.name, 'done']]);
    expect(sent()).toBe(before + 1);
    expect(h.ops.draft.edits()).toEqual([]);
  });

  it('an Insiders device taken by someone else after staging shows who owns it now', async () => {
    const serial = [...h.ins.devicesBySerial.keys()].find((s, i) => i > 8 && openManagers(s).length === 0);
    const target = serial ?? 'CNF83052AA';
    expectStaged(await h.staging.stage({ action: 'take', deviceKeys: [h.key(target)] }), 1);
    h.ins.openOwnership(h.ins.devicesBySerial.get(target)!.id, 107, '2026-01-01T00:00:00.000000Z');
    const plan = h.ops.plan({ kinds: OWNERSHIP });
    const conflicts = await h.ops.check(plan.planId);
    expect(conflicts).toEqual([expect.objectContaining({ cached: 'owned by nobody', intended: 'owned by nobody, and taken by this account', current: 'owned by manager 107' })]);
  });
});
