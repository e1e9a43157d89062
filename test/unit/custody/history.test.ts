import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustodyHistory } from '../../../electron/custody/custody-history';
import { recordRun, recordSlice } from '../../../electron/custody/record-custody';
import type { RunState } from '../../../electron/ops/run-state';
import type { TelemetronDevice } from '../../../shared/model';
import type { PlanStep } from '../../../shared/ops/plan';

const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-02T10:00:00.000Z';
const T3 = '2026-03-03T10:00:00.000Z';
const tel = (identifier: string, ...customers: string[]): TelemetronDevice => ({ identifier, customers });
const asked = { customers: ['a@x.example', 'b@x.example', 'c@x.example'] };
const fresh = () => mkdtempSync(join(tmpdir(), 'custody-'));

describe('custody history across syncs', () => {
  it('first sync: what is there was already in place; later syncs: what appears starts, what goes away ends', () => {
    const h = new CustodyHistory(fresh());
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example'), tel('SN2', 'b@x.example')], T1, asked);
    expect(h.spans('tel', 'SN1')).toEqual([{ who: 'a@x.example', start: T1, end: null, startBy: 'sync', endBy: null, before: true }]);

    // Between syncs someone moved SN1 from a to c at the Telemetron console.
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'c@x.example'), tel('SN2', 'b@x.example')], T2, asked);
    expect(h.spans('tel', 'SN1')).toEqual([
      { who: 'a@x.example', start: T1, end: T2, startBy: 'sync', endBy: 'sync', before: true },
      { who: 'c@x.example', start: T2, end: null, startBy: 'sync', endBy: null, before: false },
    ]);
    expect(h.spans('tel', 'SN2')).toEqual([{ who: 'b@x.example', start: T1, end: null, startBy: 'sync', endBy: null, before: true }]);
  });

  it('a sync that changes nothing writes nothing', () => {
    const dir = fresh();
    const h = new CustodyHistory(dir);
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example')], T1, asked);
    const size = statSync(join(dir, 'tel.jsonl')).size;
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example')], T2, asked);
    expect(statSync(join(dir, 'tel.jsonl')).size).toBe(size);
  });

  it('only customers the sync asked about can end (Telemetron is read customer by customer)', () => {
    const h = new CustodyHistory(fresh());
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example', 'z@x.example')], T1, { customers: ['a@x.example', 'z@x.example'] });
    recordSlice(h, 'tel', 'telemetron', [], T2, { customers: ['A@X.example'] });
    expect(h.spans('tel', 'SN1').map((s) => [s.who, s.end])).toEqual([
      ['a@x.example', T2],
      ['z@x.example', null],
    ]);
  });

  it('records what fleetdesk made and ended, and the next sync adds nothing on top', () => {
    const h = new CustodyHistory(fresh());
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example'), tel('SN2', 'a@x.example')], T1, asked);
    const step = (id: string, call: PlanStep['call'], args: PlanStep['args']): PlanStep => ({ id, vendor: 'telemetron', connectionId: 'tel', call, target: null, items: [{ key: 'k', label: 'd', ref: 'r' }], destructive: true, editIds: [], args });
    const steps = [step('s1', 'telemetron.transfer', { deviceIdentifier: 'SN1', from: 'a@x.example', to: 'b@x.example' }), step('s2', 'telemetron.transfer', { deviceIdentifier: 'SN2', from: 'a@x.example', to: 'c@x.example' })];
    const run: RunState = {
      runId: 'run-1',
      plan: { id: 'p', createdAt: T2, summary: '', steps, warnings: [] },
      summary: '',
      state: 'finished',
      startedAt: T2,
      // SN2's assign failed after the unassign: half done.
      steps: new Map([
        ['s1', { sent: true, items: [{ status: 'done', reason: null }] }],
        ['s2', { sent: true, items: [{ status: 'partial', reason: 'Half done' }] }],
      ]),
    };
    recordRun(h, run, T2);
    expect(h.spans('tel', 'SN1')).toEqual([
      { who: 'a@x.example', start: T1, end: T2, startBy: 'sync', endBy: 'fleetdesk', before: true },
      { who: 'b@x.example', start: T2, end: null, startBy: 'fleetdesk', endBy: null, before: false },
    ]);
    expect(h.spans('tel', 'SN2')).toEqual([{ who: 'a@x.example', start: T1, end: T2, startBy: 'sync', endBy: 'fleetdesk', before: true }]);

    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'b@x.example')], T3, asked);
    expect(h.spans('tel', 'SN1')).toHaveLength(2);
    expect(h.knownWho('tel').sort()).toEqual(['a@x.example', 'b@x.example']);
  });

  it('Absolute: the last logged-in user per synced snapshot, a change of user ends the previous one', () => {
    const h = new CustodyHistory(fresh());
    const abs = (username: string) => ({ deviceUid: 'u1', esn: 'e', systemName: 'n', serial: 'S', username, agentStatus: 'A', isStolen: false, lastConnectedUtc: null, policyGroupName: null });
    recordSlice(h, 'abs', 'absolute', [abs('tara@abc.example')], T1);
    recordSlice(h, 'abs', 'absolute', [abs('tara@abc.example')], T2);
    recordSlice(h, 'abs', 'absolute', [abs('lee@abc.example')], T3);
    expect(h.spans('abs', 'u1').map((s) => [s.who, s.start, s.end])).toEqual([
      ['tara@abc.example', T1, T3],
      ['lee@abc.example', T3, null],
    ]);
  });

  it('survives a restart: the next instance reads the same history from its file', () => {
    const dir = fresh();
    recordSlice(new CustodyHistory(dir), 'tel', 'telemetron', [tel('SN1', 'a@x.example')], T1, asked);
    const again = new CustodyHistory(dir);
    expect(again.hasHistory('tel')).toBe(true);
    expect(again.spans('tel', 'SN1')).toHaveLength(1);
    recordSlice(again, 'tel', 'telemetron', [], T2, asked);
    expect(new CustodyHistory(dir).spans('tel', 'SN1')[0]!.end).toBe(T2);
  });

  it('a corrupt line is skipped and reported, the rest is kept, and the app goes on writing', () => {
    const dir = fresh();
    recordSlice(new CustodyHistory(dir), 'tel', 'telemetron', [tel('SN1', 'a@x.example'), tel('SN2', 'b@x.example')], T1, asked);
    const path = join(dir, 'tel.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [lines[0], '{"this is": not json', lines[1], lines[2], ''].join('\n'));
    const logged: string[] = [];
    const h = new CustodyHistory(dir, (l) => logged.push(l));
    expect(h.spans('tel', 'SN1')).toHaveLength(1); // reading the device loads the file
    expect(h.problems.get('tel')).toMatch(/1 unreadable line was skipped/);
    expect(logged[0]).toMatch(/^\[custody\]/);
    recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example')], T2, asked);
    expect(h.spans('tel', 'SN2')[0]!.end).toBe(T2);
  });

  it('a torn last line (crash mid-write) is cut off quietly and the next line starts clean', () => {
    const dir = fresh();
    recordSlice(new CustodyHistory(dir), 'tel', 'telemetron', [tel('SN1', 'a@x.example')], T1, asked);
    appendFileSync(join(dir, 'tel.jsonl'), '{"at":"2026-03-02T10:00:00.000Z","dev');
    const h = new CustodyHistory(dir);
    expect(h.spans('tel', 'SN1')).toHaveLength(1);
    expect(h.problems.size).toBe(0);
    recordSlice(h, 'tel', 'telemetron', [], T2, asked);
    const reread = new CustodyHistory(dir);
    expect(reread.spans('tel', 'SN1')[0]!.end).toBe(T2);
    expect(reread.problems.size).toBe(0);
    expect(readFileSync(join(dir, 'tel.jsonl'), 'utf8')).not.toContain('"dev\n');
  });

  it('a history that cannot be read at all is reported and the app keeps running', () => {
    const dir = fresh();
    const h = new CustodyHistory(join(dir, 'missing-parent', '..', 'file-not-dir'));
    writeFileSync(join(dir, 'file-not-dir'), 'x'); // the history folder is a file: nothing can be written
    expect(() => recordSlice(h, 'tel', 'telemetron', [tel('SN1', 'a@x.example')], T1, asked)).not.toThrow();
    expect(h.problems.get('tel')).toMatch(/could not write/);
    expect(h.spans('tel', 'SN1')).toHaveLength(1); // still shown for this session
  });
});
