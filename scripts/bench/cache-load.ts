import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoFleet } from '../../electron/vendors/demo-fleet/generate';
import { seedToAppRecords } from '../../electron/vendors/demo-fleet/to-app';
import { FleetStore } from '../../electron/fleet/fleet-store';
import { printTable } from './table';

const CONNECTIONS = [
  { id: 'bench-absolute', vendor: 'absolute' },
  { id: 'bench-insiders', vendor: 'insiders' },
  { id: 'bench-telemetron', vendor: 'telemetron' },
  { id: 'bench-algosec', vendor: 'algosec' },
] as const;

/**
 * Cold load of the on-disk cache to a searchable state (read, verify
 * checksums, parse, link across vendors, build the search index), next to a
 * plain JSON.parse of the same records, measured in one run.
 */
export async function runCacheLoadBench(devices = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdesk-bench-cache-'));
  try {
    const records = seedToAppRecords(generateDemoFleet({ devices, seed: 7 }));
    const writer = new FleetStore(dir);
    const now = new Date().toISOString();
    for (const c of CONNECTIONS) writer.replaceSlice(c.id, c.vendor, records[c.vendor] as never[], now);

    // Baseline: JSON.parse of the very bytes that hold the records (no checks, no linking, no index).
    const bodies = CONNECTIONS.map((c) => {
      const buf = readFileSync(join(dir, `${c.id}.snapshot`));
      return buf.subarray(buf.indexOf(0x0a) + 1).toString('utf8');
    });
    const megabytes = bodies.reduce((n, b) => n + b.length, 0) / 1e6;
    const runs: Array<{ parse: number; load: number; heap: number }> = [];
    for (let i = 0; i < 3; i++) {
      const p0 = performance.now();
      for (const b of bodies) JSON.parse(b);
      const parse = performance.now() - p0;

      globalThis.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const l0 = performance.now();
      const store = new FleetStore(dir);
      store.load(CONNECTIONS);
      store.index.search('51BN');
      const load = performance.now() - l0;
      globalThis.gc?.();
      runs.push({ parse, load, heap: (process.memoryUsage().heapUsed - heap0) / 1e6 });
      if (store.devices.length === 0) throw new Error('cache load produced no devices');
    }
    const best = runs.reduce((a, b) => (b.load < a.load ? b : a));
    const parse = Math.min(...runs.map((r) => r.parse));
    printTable(`Cache cold load, ${devices.toLocaleString('en-US')} devices × 4 vendors (${megabytes.toFixed(1)} MB of records), best of 3`, [
      ['step', 'ms', 'vs JSON.parse', 'target'],
      ['plain JSON.parse of the records', parse, '1.0×', ''],
      ['fleetdesk: read + checksum + parse + link + index', best.load, `${(best.load / parse).toFixed(1)}×`, '≤ 4×'],
    ]);
    console.log(`Main-process heap after load: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB used, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB (target < 400 MB)${globalThis.gc ? '' : ' (run with --expose-gc for exact figures)'}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
