import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { algosecExecutor } from '../../../electron/ops/executors';
import type { OpsDeps } from '../../../electron/ops/ops-service';
import type { RunState } from '../../../electron/ops/run-state';
import { AlgosecClient } from '../../../electron/vendors/algosec/client';
import type { AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';

/** A few firewalls, each in its own site group. */
export const siteSeed = (sites: number) => ({
  devices: ['fw-a', 'fw-b', 'fw-c', 'fw-d'].map((d) => ({ name: d, display_name: d, brand: 'Cisco' })),
  groups: Array.from({ length: sites }, (_, i) => ({ name: `Site ${i + 1}`, displayName: `Site ${i + 1}`, members: [`fw-${'abc'[i]}`] })),
});

/** A staged "add this device to that group" edit, as the Groups screen makes it. */
export const addEdit = (group: string, device: string) => ({ kind: 'group.add' as const, connectionId: 'afa', group, device, deviceKey: `serial:${device}`, baseAsOf: null });

/**
 * What the change engine needs to work against an AlgoSec simulator, on a
 * fresh data dir; `untilFinished` resolves with the next run that ends.
 */
export function algosecEngineDeps(sim: AlgosecSimulator): { deps: OpsDeps; untilFinished: () => Promise<RunState> } {
  const client = new AlgosecClient({ baseUrl: sim.url, ...DEMO_CREDENTIALS.algosec }, { http: { maxRetries: 0 } });
  let waiting: Array<(r: RunState) => void> = [];
  const deps: OpsDeps = {
    dataDir: mkdtempSync(join(tmpdir(), 'ops-')),
    destructiveThreshold: () => 25,
    executorFor: () => algosecExecutor(client),
    groupMembers: (_c, g) => sim.state.membersOf(g) ?? [],
    currentMembers: async (_c, g, devices) => (await client.groupsOfDevices(devices)).find((x) => x.displayName === g)?.members ?? [],
    onProgress: () => {},
    onDraftChanged: () => {},
    onFinished: (run) => {
      const now = waiting;
      waiting = [];
      now.forEach((f) => f(run));
    },
  };
  return { deps, untilFinished: () => new Promise<RunState>((r) => waiting.push(r)) };
}
