import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsService, type OpsDeps } from '../../../electron/ops/ops-service';
import type { RunState } from '../../../electron/ops/run-state';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { addEdit as add, algosecEngineDeps, siteSeed } from './algosec-engine';

const writes = (sim: AlgosecSimulator) => [...sim.requests.entries()].filter(([k]) => !k.startsWith('GET') && !k.includes('/connection/')).reduce((n, [, c]) => n + c, 0);

describe('the outbox', () => {
  let sim: AlgosecSimulator;
  let deps: OpsDeps;
  let untilFinished: () => Promise<RunState>;

  beforeAll(async () => {
    sim = await startAlgosecSimulator({ seed: siteSeed(2) });
    ({ deps, untilFinished } = algosecEngineDeps(sim));
  });
  afterAll(() => sim.close());

  it('holds a queued plan across a restart, checks it without sending anything, and applies it only on the go-ahead', async () => {
    const ops = new OpsService(deps);
    ops.stage([add('Site 1', 'fw-d'), add('Site 2', 'fw-d')]);
    const id = ops.queue(ops.plan().planId);

    // Held by the outbox: the draft's own review no longer includes those edits.
    expect(ops.draftView().edits.every((e) => e.queued)).toBe(true);
    expect(ops.plan().blocked).toBe(true);

    // Restart: still queued, with its two changes.
    const after = new OpsService(deps);
    expect(after.outboxView()).toEqual([expect.objectContaining({ id, kind: 'plan', size: 2, check: null })]);

    // Someone else adds fw-d to Site 2 meanwhile; the check on reconnect finds it and sends nothing.
    sim.state.addMembers(sim.state.groupsOf(['fw-b'])[0]!, ['fw-d']);
    const before = writes(sim);
    await after.checkQueuedPlan(id);
    expect(after.outboxView()[0]!.check).toMatchObject({ ok: false, message: '1 item changed underneath: review it before sending.' });
    expect(writes(sim)).toBe(before);

    // The go-ahead: review from the outbox, take AlgoSec's state for the changed item, apply.
    const plan = after.plan({ outboxId: id });
    const [conflict] = await after.check(plan.planId);
    expect(conflict).toMatchObject({ label: 'Add fw-d to Site 2', current: 'already in Site 2' });
    after.resolve(plan.planId, conflict!.id, 'take-theirs');
    const end = untilFinished();
    after.apply(plan.planId, undefined);
    const run = after.runView((await end).runId);
    expect(run.steps.map((s) => [s.label, s.status])).toEqual([['add to group Site 1: 1 item', 'done']]);
    expect(sim.state.membersOf('Site 1')).toContain('fw-d');
    expect(after.outboxView()).toEqual([]);
    expect(after.draftView().edits).toEqual([]);
  });

  it('"Back to draft" returns the edits to their screen; "Discard" drops them', () => {
    const ops = new OpsService({ ...deps, dataDir: mkdtempSync(join(tmpdir(), 'outbox-')) });
    ops.stage([add('Site 1', 'fw-c')]);
    const first = ops.queue(ops.plan().planId);
    ops.removeFromOutbox(first, false);
    expect(ops.draftView().edits).toEqual([expect.objectContaining({ label: 'Add fw-c to Site 1', queued: false })]);

    const second = ops.queue(ops.plan().planId);
    ops.removeFromOutbox(second, true);
    expect(ops.draftView().edits).toEqual([]);
    expect(ops.outboxView()).toEqual([]);
  });

  it('a queued plan whose edits were all undone leaves the outbox by itself', () => {
    const ops = new OpsService({ ...deps, dataDir: mkdtempSync(join(tmpdir(), 'outbox-')) });
    ops.stage([add('Site 1', 'fw-c')]);
    ops.queue(ops.plan().planId);
    ops.draft.undo();
    expect(ops.outboxView()).toEqual([]);
  });

  it('a damaged outbox file is set aside and reported, never silently replaced', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outbox-'));
    writeFileSync(join(dataDir, 'outbox.json'), '{"version":1,"items":[{"id":"x","kind":"pl');
    const ops = new OpsService({ ...deps, dataDir });
    expect(ops.outbox.problems[0]).toMatch(/could not be read and was set aside as .*outbox\.json\.corrupt/);
    ops.queueUnenroll('Unenroll 1 device', ['serial:A']);
    expect(existsSync(join(dataDir, 'outbox.json.corrupt'))).toBe(true);
    expect(new OpsService({ ...deps, dataDir }).outboxView()).toHaveLength(1);
  });
});
