import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StagedEdit } from '../../../shared/ops/edits';
import { DraftStore } from '../../../electron/ops/draft-store';
import { Journal } from '../../../electron/ops/journal';
import { buildPlan, unenrollPlan } from '../../../electron/ops/plan';
import { replay } from '../../../electron/ops/run-state';

let n = 0;
const edit = (kind: 'group.add' | 'group.remove', group: string, device: string): StagedEdit => ({ id: `e${++n}`, kind, connectionId: 'afa', group, device, deviceKey: `serial:${device}`, stagedAt: '', baseAsOf: null });
const MEMBERS: Record<string, string[]> = { 'Branch-01': ['a', 'b'], Lab: ['x'] };
const ctx = (choice?: 'keep-one' | 'delete-group') => ({ members: (_c: string, g: string) => MEMBERS[g] ?? [], emptyGroupChoice: () => choice });

describe('plans', () => {
  it('batches one addDevices and one removeDevices per group, adds before removes', () => {
    const plan = buildPlan([edit('group.add', 'Lab', 'a'), edit('group.remove', 'Branch-01', 'a'), edit('group.add', 'Lab', 'b')], ctx());
    expect(plan.steps.map((s) => [s.call, s.target, s.items.map((i) => i.ref)])).toEqual([
      ['algosec.addDevices', 'Lab', ['a', 'b']],
      ['algosec.removeDevices', 'Branch-01', ['a']],
    ]);
    expect(plan.summary).toBe('Add 2 group memberships, remove 1 group membership in 2 vendor calls.');
    expect(plan.warnings).toEqual([]);
  });

  it('never plans a removeDevices that empties a group: blocked until the user chooses', () => {
    const edits = [edit('group.remove', 'Lab', 'x')];
    const blocked = buildPlan(edits, ctx());
    expect(blocked.warnings[0]).toMatchObject({ level: 'blocking', message: expect.stringContaining('would be emptied') });
    expect(blocked.steps.filter((s) => s.call === 'algosec.removeDevices')).toEqual([]);
    expect(buildPlan(edits, ctx('keep-one')).steps).toEqual([]);
    expect(buildPlan(edits, ctx('delete-group')).steps.map((s) => s.call)).toEqual(['algosec.deleteGroup']);
  });

  it('a move that refills the group is not "emptying" it', () => {
    const plan = buildPlan([edit('group.remove', 'Lab', 'x'), edit('group.add', 'Lab', 'y')], ctx());
    expect(plan.warnings).toEqual([]);
  });

  it('unenrolls 250 devices in batches of 100, 100 and 50', () => {
    const devices = Array.from({ length: 250 }, (_, i) => ({ key: `k${i}`, label: `d${i}`, deviceUid: `u${i}` }));
    expect(unenrollPlan('abs', devices).steps.map((s) => s.items.length)).toEqual([100, 100, 50]);
  });
});

describe('the draft', () => {
  it('undoes and redoes whole user actions, survives a restart, and cancels add-then-remove', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'draft-')), 'draft.json');
    const d = new DraftStore(path);
    d.stage([edit('group.add', 'Lab', 'a'), edit('group.add', 'Lab', 'b')]);
    d.stage([edit('group.remove', 'Lab', 'a')]);
    expect(d.edits().map((e) => `${e.kind} ${'device' in e ? e.device : ''}`)).toEqual(['group.add b']);
    d.undo();
    expect(d.edits()).toHaveLength(2);
    const reopened = new DraftStore(path);
    expect(reopened.edits()).toHaveLength(2);
    expect(reopened.canRedo).toBe(true);
    reopened.redo();
    expect(reopened.edits()).toHaveLength(1);
  });

  it('sets a corrupt draft aside and starts empty, saying so', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'draft-')), 'draft.json');
    writeFileSync(path, '{"version":1,"done":[[{"kind":"gro');
    const d = new DraftStore(path);
    expect(d.edits()).toEqual([]);
    expect(d.problems[0]).toMatch(/could not be read/);
    expect(existsSync(`${path}.corrupt`)).toBe(true);
  });
});

describe('the journal', () => {
  it('reads a run back after a torn last line: sent-but-unanswered is unknown, the rest not started', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const j = new Journal(dir);
    const plan = unenrollPlan('abs', Array.from({ length: 250 }, (_, i) => ({ key: `k${i}`, label: `d${i}`, deviceUid: `u${i}` })));
    const [s1, s2] = plan.steps;
    j.append('r1', { t: 'start', at: '', plan, summary: plan.summary });
    j.append('r1', { t: 'intent', at: '', step: s1!.id });
    j.append('r1', { t: 'result', at: '', step: s1!.id, items: s1!.items.map(() => ({ status: 'done', reason: null })) });
    j.append('r1', { t: 'intent', at: '', step: s2!.id });
    writeFileSync(join(dir, 'r1.jsonl'), '{"t":"result","at":"","step":"', { flag: 'a' });
    const run = replay('r1', j.read('r1'), false)!;
    expect(run.state).toBe('interrupted');
    expect([...run.steps.values()].map((s) => s.items?.[0]?.status ?? 'pending')).toEqual(['done', 'unknown', 'pending']);
  });
});

describe('repeated drags', () => {
  it('the same device dropped on the same group twice is added once; a move is an add plus a remove', () => {
    const plan = buildPlan([edit('group.add', 'Lab', 'a'), edit('group.add', 'Lab', 'a'), edit('group.add', 'Branch-01', 'x'), edit('group.remove', 'Lab', 'x')], ctx());
    expect(plan.steps.map((s) => [s.call, s.target, s.items.map((i) => i.ref)])).toEqual([
      ['algosec.addDevices', 'Lab', ['a']],
      ['algosec.addDevices', 'Branch-01', ['x']],
      ['algosec.removeDevices', 'Lab', ['x']],
    ]);
  });
});
