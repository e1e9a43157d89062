import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApplyEngine } from '../../../electron/ops/apply';
import { algosecExecutor } from '../../../electron/ops/executors';
import { Journal } from '../../../electron/ops/journal';
import { toRunView } from '../../../electron/ops/ops-service';
import type { RunState } from '../../../electron/ops/run-state';
import { buildPlan } from '../../../electron/ops/plan';
import { AlgosecClient } from '../../../electron/vendors/algosec/client';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';

const seed = {
  devices: ['fw-a', 'fw-b'].map((d) => ({ name: d, display_name: d, brand: 'Cisco' })),
  groups: [{ name: 'Site 1', displayName: 'Site 1', members: ['fw-a'] }],
};

let sim: AlgosecSimulator;
beforeAll(async () => {
  sim = await startAlgosecSimulator({ seed });
});
afterAll(() => sim.close());

it('says the appliance is busy while a change waits out 423 Locked, then applies it and stops saying so', async () => {
  const client = new AlgosecClient({ baseUrl: sim.url, ...DEMO_CREDENTIALS.algosec }, { http: { backoffBaseMs: 100 } });
  await client.login();
  const seen: Array<string | null> = [];
  let finished!: (run: RunState) => void;
  const end = new Promise<RunState>((r) => (finished = r));
  const engine = new ApplyEngine(new Journal(mkdtempSync(join(tmpdir(), 'locked-'))), () => algosecExecutor(client), {
    progress: (run) => seen.push(toRunView(run).waiting),
    stepDone: () => {},
    finished: (run) => finished(run),
  });
  const plan = buildPlan([{ id: 'e1', stagedAt: '', baseAsOf: null, kind: 'group.add', connectionId: 'afa', group: 'Site 1', device: 'fw-b', deviceKey: 'serial:fw-b' }], {
    members: () => ['fw-a'],
    emptyGroupChoice: () => undefined,
  });

  sim.setLocked(700);
  engine.start(plan);
  const run = toRunView(await end);

  const waits = seen.filter((w): w is string => !!w);
  expect(waits.length).toBeGreaterThan(0);
  expect(waits[0]).toMatch(/^Waiting: another operation is in progress on the AlgoSec appliance \(423 Locked\); trying again in \d+ s/);
  expect(run.steps[0]!.status).toBe('done');
  expect(run.waiting).toBeNull();
  expect(sim.state.membersOf('Site 1')).toContain('fw-b');
});
