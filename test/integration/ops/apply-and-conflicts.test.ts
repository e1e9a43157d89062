import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsService } from '../../../electron/ops/ops-service';
import type { RunState } from '../../../electron/ops/run-state';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { addEdit as add, algosecEngineDeps, siteSeed } from './algosec-engine';

describe('the change engine against the AlgoSec simulator', () => {
  let sim: AlgosecSimulator;
  let ops: OpsService;
  let untilFinished: () => Promise<RunState>;

  beforeAll(async () => {
    sim = await startAlgosecSimulator({ seed: siteSeed(3) });
    const engine = algosecEngineDeps(sim);
    ops = new OpsService(engine.deps);
    untilFinished = engine.untilFinished;
  });
  afterAll(() => sim.close());

  it('gives per-item results when some calls fail, and "retry failed only" sends exactly those again', async () => {
    // Two target groups do not exist yet: AlgoSec refuses those calls.
    ops.stage([add('Site 1', 'fw-d'), add('Ghost 1', 'fw-d'), add('Site 2', 'fw-d'), add('Ghost 2', 'fw-d')]);
    const plan = ops.plan();
    await ops.check(plan.planId);
    const end = untilFinished();
    const runId = ops.apply(plan.planId, undefined);
    const run = ops.runView((await end).runId);
    expect(run.runId).toBe(runId);
    expect(Object.fromEntries(run.steps.map((s) => [s.label, s.status]))).toEqual({
      'add to group Site 1: 1 item': 'done',
      'add to group Ghost 1: 1 item': 'failed',
      'add to group Site 2: 1 item': 'done',
      'add to group Ghost 2: 1 item': 'failed',
    });
    expect(run.steps.find((s) => s.label.includes('Ghost 1'))!.reason).toMatch(/AlgoSec/);

    // The groups appear; the retry touches only the two that failed.
    sim.state.createGroup('Ghost 1', ['fw-a']);
    sim.state.createGroup('Ghost 2', ['fw-a']);
    const before = new Map(sim.requests);
    const again = untilFinished();
    await ops.control(runId, 'retry-failed');
    const retried = ops.runView((await again).runId);
    const sent = [...sim.requests].filter(([k, n]) => k.includes('addDevices') && n !== (before.get(k) ?? 0)).map(([k]) => decodeURIComponent(k));
    expect(sent.sort()).toEqual([expect.stringContaining('Ghost 1'), expect.stringContaining('Ghost 2')]);
    expect(retried.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(sim.state.membersOf('Ghost 1')).toContain('fw-d');
    expect(ops.activity.all({ device: 'fw-d' }).map((e) => e.result).sort()).toEqual(['done', 'done', 'done', 'done', 'failed', 'failed']);
  });

  it('shows what changed underneath as cached / intended / current, and applies the user’s choice', async () => {
    ops.stage([add('Site 3', 'fw-a'), add('Site 3', 'fw-b')]);
    // Someone else adds fw-a to Site 3 at the console before the technician applies.
    sim.state.addMembers(sim.state.groups.get('Site 3')!, ['fw-a']);
    const plan = ops.plan();
    const conflicts = await ops.check(plan.planId);
    expect(conflicts).toEqual([expect.objectContaining({ label: 'Add fw-a to Site 3', cached: 'not in Site 3', intended: 'in Site 3', current: 'already in Site 3', resolution: null })]);
    expect(() => ops.apply(plan.planId, undefined)).toThrow(/Choose what to do/);
    ops.resolve(plan.planId, conflicts[0]!.id, 'take-theirs');
    const end = untilFinished();
    ops.apply(plan.planId, undefined);
    const run = ops.runView((await end).runId);
    expect(run.steps.flatMap((s) => s.items.map((i) => i.label))).toEqual(['fw-b']);
    expect(sim.state.membersOf('Site 3')?.sort()).toEqual(['fw-a', 'fw-b', 'fw-c']);
  });
});

describe('the outbox', () => {
  it('keeps an unenroll prepared offline, with its devices, across restarts, until the user reviews it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const deps = { dataDir, destructiveThreshold: () => 25, executorFor: () => null, groupMembers: () => [], currentMembers: async () => [], onProgress: () => {}, onDraftChanged: () => {}, onFinished: () => {} };
    const first = new OpsService(deps);
    const id = first.queueUnenroll('Unenroll 2 devices from Absolute (prepared offline)', ['serial:A', 'serial:B']);
    const reopened = new OpsService(deps);
    expect(reopened.outboxView()).toEqual([expect.objectContaining({ id, kind: 'unenroll', deviceKeys: ['serial:A', 'serial:B'] })]);
    expect(reopened.removeFromOutbox(id, false)).toEqual([]);
  });
});
