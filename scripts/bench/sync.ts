import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetStore } from '../../electron/fleet/fleet-store';
import { demoConnections } from '../../electron/connections/demo-connections';
import { SyncService } from '../../electron/sync/sync-service';
import { startAllSimulators } from '../../electron/vendors/demo-fleet/start-all';
import { printTable } from './table';

/**
 * A full sync of all four vendors from their simulators over real HTTP, with
 * the clients' real rate limits: how long a technician waits for a fresh fleet.
 */
export async function runSyncBench(devices = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdesk-bench-sync-'));
  const running = await startAllSimulators({ devices, seed: 7 });
  try {
    const demo = demoConnections(running);
    const store = new FleetStore(dir);
    const times = new Map<string, { ms: number; items: number; pages: number }>();
    const started = performance.now();
    const sync = new SyncService({
      store,
      sources: () => demo.sources(),
      emit: () => (event, payload) => {
        if (event !== 'sync:progress') return;
        const p = payload as { connectionId: string; phase: string; items: number; pages: number };
        if (p.phase === 'done') times.set(p.connectionId, { ms: performance.now() - started, items: p.items, pages: p.pages });
      },
      onStatusChange: () => {},
    });
    sync.start();
    await sync.idle();
    const total = performance.now() - started;
    printTable(`Full sync of ${devices.toLocaleString('en-US')} demo devices from the four simulators (real HTTP, client rate limits on)`, [
      ['connection', 'records', 'seconds'],
      ...demo.list().map((c) => [c.label, times.get(c.id)?.items ?? 0, (times.get(c.id)?.ms ?? NaN) / 1000]),
      ['all four, in parallel', store.devices.length, total / 1000],
    ]);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
