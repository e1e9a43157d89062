import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/ops/plan';
import { ApplyEngine } from '../../../electron/ops/apply';
import { algosecExecutor } from '../../../electron/ops/executors';
import { Journal } from '../../../electron/ops/journal';
import { toRunView } from '../../../electron/ops/ops-service';
import { AlgosecClient } from '../../../electron/vendors/algosec/client';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';

const GROUPS = 20;
const seed = {
  devices: [{ name: 'd0', display_name: 'fw-new', brand: 'Cisco' }, ...Array.from({ length: GROUPS }, (_, g) => ({ name: `m${g}`, display_name: `fw-${g}`, brand: 'Cisco' }))],
  groups: Array.from({ length: GROUPS }, (_, g) => ({ name: `g${g}`, displayName: `Site ${g}`, members: [`fw-${g}`] })),
};
const plan: Plan = {
  id: 'crash-plan',
  createdAt: new Date().toISOString(),
  summary: 'Add fw-new to 20 groups',
  warnings: [],
  steps: Array.from({ length: GROUPS }, (_, g) => ({ id: `step-${g}`, vendor: 'algosec' as const, connectionId: 'afa', call: 'algosec.addDevices' as const, target: `Site ${g}`, items: [{ key: 'k', label: 'fw-new', ref: 'fw-new' }], destructive: false, editIds: [] })),
};

describe('a crash in the middle of an apply', () => {
  let sim: AlgosecSimulator;
  beforeAll(async () => {
    // Every answer takes 150 ms, so the kill lands between steps or while one is in flight.
    sim = await startAlgosecSimulator({ seed, faults: { latencyMs: 150 } });
  });
  afterAll(() => sim.close());

  it('is recovered from the journal: done, unknown and not started are told apart, and resuming repeats nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetdesk-crash-'));
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/ops/fixtures/apply-child.ts', join(dir, 'journal'), sim.url, planFile], { stdio: 'ignore' });
    const journal = new Journal(join(dir, 'journal'));
    // Kill it for real once several groups are done.
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 30_000;
      const poll = setInterval(() => {
        const [runId] = journal.runIds();
        const results = runId ? journal.read(runId).filter((r) => r.t === 'result').length : 0;
        if (results >= 6) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        } else if (Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error('the child never got going'));
        }
      }, 20);
    });
    await new Promise((r) => child.once('exit', r));

    const client = new AlgosecClient({ baseUrl: sim.url, ...DEMO_CREDENTIALS.algosec });
    const engine = new ApplyEngine(journal, () => algosecExecutor(client), { progress: () => {}, stepDone: () => {}, finished: () => {} });
    const [crashed] = engine.interrupted();
    expect(crashed).toBeDefined();
    const view = toRunView(crashed!);
    const status = view.steps.map((s) => s.status);
    const done = status.filter((s) => s === 'done').length;
    const unknown = status.filter((s) => s === 'unknown').length;
    const pending = status.filter((s) => s === 'pending').length;
    expect(done).toBeGreaterThanOrEqual(6);
    expect(unknown).toBeLessThanOrEqual(1); // at most the one in flight
    expect(done + unknown + pending).toBe(GROUPS);
    // The journal matches the vendor: every "done" group really has the device.
    view.steps.forEach((s, g) => {
      if (s.status === 'done') expect(sim.state.membersOf(`Site ${g}`)).toContain('fw-new');
      if (s.status === 'pending') expect(sim.state.membersOf(`Site ${g}`)).not.toContain('fw-new');
    });

    // Unknown outcomes are re-checked by reading AlgoSec, never resent; then the rest is resumed.
    const sentBefore = [...sim.requests].filter(([k]) => k.includes('addDevices')).reduce((n, [, c]) => n + c, 0);
    await engine.recheckUnknown(crashed!.runId);
    const resumed = engine.retry(crashed!.runId, 'pending')!;
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (engine.get(resumed)?.state === 'finished') {
          clearInterval(t);
          resolve();
        }
      }, 50);
    });
    const sentAfter = [...sim.requests].filter(([k]) => k.includes('addDevices')).reduce((n, [, c]) => n + c, 0);
    expect(sentAfter - sentBefore).toBe(pending);
    for (let g = 0; g < GROUPS; g++) expect(sim.state.membersOf(`Site ${g}`)).toContain('fw-new');
    expect(toRunView(engine.get(crashed!.runId)!).steps.some((s) => s.status === 'unknown')).toBe(false);
  }, 60_000);
});
