import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VendorClients } from '../../electron/connections/connections';
import { demoConnections } from '../../electron/connections/demo-connections';
import { sourceFor, type LiveConnection } from '../../electron/connections/vendor-parts';
import { FleetStore } from '../../electron/fleet/fleet-store';
import { SyncService } from '../../electron/sync/sync-service';
import type { SyncSource } from '../../electron/sync/types';
import { AbsoluteClient } from '../../electron/vendors/absolute/client';
import { AlgosecClient } from '../../electron/vendors/algosec/client';
import { startAllSimulators, type RunningSimulators } from '../../electron/vendors/demo-fleet/start-all';
import { InsidersClient } from '../../electron/vendors/insiders/client';
import { TelemetronClient } from '../../electron/vendors/telemetron/client';
import { recordRequests, replay } from './http-replay';
import { printTable } from './table';

/** Requests in flight when the simulators are asked directly (the clients allow 1 to 8). */
const IN_FLIGHT = 8;

/** The demo clients again, with their request-rate limits lifted: what the client code itself can do. */
function unthrottledSources(running: RunningSimulators): SyncSource[] {
  const { info } = running;
  const http = { ratePerSecond: 1e6, burst: 1e6 };
  const clients: VendorClients = {
    absolute: new AbsoluteClient({ region: info.absolute.region, tokenId: info.absolute.tokenId, tokenSecret: info.absolute.tokenSecret, baseUrl: info.absolute.url }, { http }),
    telemetron: new TelemetronClient({ apiKey: info.telemetron.apiKey, baseUrl: info.telemetron.url }, { http }),
    insiders: new InsidersClient({ ...info.insiders, baseUrl: info.insiders.url }, { http }),
    algosec: new AlgosecClient({ baseUrl: info.algosec.url, username: info.algosec.username, password: info.algosec.password }, { http }),
  };
  const customers = running.fleet.telemetron.customers.map((c) => c.email);
  return demoConnections(running)
    .list()
    .map((c) => sourceFor({ info: c, client: clients[c.vendor] } as LiveConnection, () => customers));
}

async function pull(source: SyncSource): Promise<{ ms: number; records: unknown[]; meta?: Record<string, unknown> }> {
  const t0 = performance.now();
  const result = await source.pull({ signal: new AbortController().signal, progress: () => {}, checkpoint: () => {} }, null);
  return { ms: performance.now() - t0, ...result };
}

/**
 * A full sync of all four vendors from their simulators over real HTTP, and
 * where its time goes: per connection, the client as shipped (with its
 * request-rate limit), the same client with the limit lifted, and the
 * simulator alone (the very requests the client sent, replayed with plain
 * node:http). Devices per second for each, then all four in parallel as the
 * app runs them.
 */
export async function runSyncBench(devices = Number(process.env.FLEETDESK_DEMO_DEVICES ?? 100_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdesk-bench-sync-'));
  const running = await startAllSimulators({ devices, seed: 7 });
  try {
    const demo = demoConnections(running);
    const shipped = demo.sources();
    const unthrottled = unthrottledSources(running);
    const store = new FleetStore(dir);
    const rows: Array<Array<string | number>> = [];
    const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));
    for (const [i, source] of shipped.entries()) {
      const asShipped = await pull(source);
      const n = asShipped.records.length;
      const s0 = performance.now();
      store.replaceSlice(source.connectionId, source.vendor, asShipped.records as never[], new Date().toISOString(), asShipped.meta);
      const storeMs = performance.now() - s0;

      const recorder = recordRequests();
      const fast = await pull(unthrottled[i]!).finally(() => recorder.stop());
      const sent = [...recorder.byOrigin.values()].flat();
      const info = running.info.absolute;
      const direct = await replay(sent, { inFlight: IN_FLIGHT, absolute: source.vendor === 'absolute' ? { region: info.region, tokenId: info.tokenId, tokenSecret: info.tokenSecret } : undefined });
      if (direct.failed) throw new Error(`sync bench: ${direct.failed} of ${direct.requests} replayed ${source.label} requests failed`);
      rows.push([
        source.label,
        n,
        sent.length,
        asShipped.ms / 1000,
        perSecond(n, asShipped.ms),
        perSecond(n, fast.ms),
        perSecond(n, direct.ms),
        storeMs / 1000,
      ]);
    }
    printTable(`Sync of ${devices.toLocaleString('en-US')} demo devices from the four simulators over real HTTP, one connection at a time`, [
      ['connection', 'records', 'requests', 'client s', 'client devices/s', 'client, no rate limit, devices/s', `simulator alone (replay, ${IN_FLIGHT} in flight), devices/s`, 'then saved + indexed, s'],
      ...rows,
    ]);

    // As the app runs it: all four at once, with the clients' rate limits, into a fresh store.
    const parallelStore = new FleetStore(join(dir, 'parallel'));
    const t0 = performance.now();
    const sync = new SyncService({ store: parallelStore, sources: () => shipped, emit: () => () => {}, onStatusChange: () => {} });
    sync.start();
    await sync.idle();
    const total = performance.now() - t0;
    console.log(
      `All four in parallel, as the app syncs (rate limits on, saving and indexing included): ${(total / 1000).toFixed(1)} s for ${parallelStore.devices.length.toLocaleString('en-US')} linked devices (${perSecond(parallelStore.devices.length, total).toLocaleString('en-US')} devices/s).`,
    );
    await Promise.all([store.flushDerived(), parallelStore.flushDerived()]);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
