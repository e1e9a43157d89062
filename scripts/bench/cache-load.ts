import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FleetStore } from '../../electron/fleet/fleet-store';
import { generateDemoFleet } from '../../electron/vendors/demo-fleet/generate';
import { seedToAppRecords } from '../../electron/vendors/demo-fleet/to-app';
import { printTable } from './table';

export const CONNECTIONS = [
  { id: 'bench-absolute', vendor: 'absolute' },
  { id: 'bench-insiders', vendor: 'insiders' },
  { id: 'bench-telemetron', vendor: 'telemetron' },
  { id: 'bench-algosec', vendor: 'algosec' },
] as const;

const RUNS = 3;

interface Sample {
  ms: number;
  /** After a full collection: what the loaded fleet keeps (heap + array buffers), and the process RSS. */
  heapMB: number;
  buffersMB: number;
  rssMB: number;
  reopened?: boolean;
}

/** One measurement in a fresh Node process, as at app start (see cache-load-child.ts). */
function measure(what: 'parse' | 'load', dir: string): Sample {
  const child = fileURLToPath(new URL('./cache-load-child.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, what, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`cache bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Sample;
}

/**
 * Cold load of the on-disk cache to a searchable state (read, verify
 * checksums, parse, link across vendors, search index), next to a plain
 * JSON.parse of the same records, each in a fresh process as at app start,
 * alternated in one run. With the derived state saved next to the snapshots
 * (the normal start) and without it (first start after an upgrade, or when
 * it was damaged).
 */
export async function runCacheLoadBench(devices = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdesk-bench-cache-'));
  try {
    const records = seedToAppRecords(generateDemoFleet({ devices, seed: 7 }));
    const writer = new FleetStore(dir);
    const now = new Date().toISOString();
    for (const c of CONNECTIONS) writer.replaceSlice(c.id, c.vendor, records[c.vendor] as never[], now);
    await writer.flushDerived();
    const snapshotMB = CONNECTIONS.reduce((n, c) => n + statSync(join(dir, `${c.id}.snapshot`)).size, 0) / 1e6;
    const recordMB = CONNECTIONS.reduce((n, c) => {
      const buf = readFileSync(join(dir, `${c.id}.snapshot`));
      return n + (buf.length - buf.indexOf(0x0a) - 1);
    }, 0) / 1e6;
    const derivedPath = join(dir, 'fleet.derived');
    const derivedMB = statSync(derivedPath).size / 1e6;

    const parse: Sample[] = [];
    const load: Sample[] = [];
    const rebuild: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      parse.push(measure('parse', dir));
      load.push(measure('load', dir));
    }
    // Without the derived state: set it aside, and put it back for the next run.
    renameSync(derivedPath, `${derivedPath}.aside`);
    for (let i = 0; i < RUNS; i++) rebuild.push(measure('load', dir));
    renameSync(`${derivedPath}.aside`, derivedPath);
    if (!load.every((s) => s.reopened) || rebuild.some((s) => s.reopened)) throw new Error('cache bench: the derived state was not used as intended');

    const range = (xs: Sample[]) => `${Math.round(Math.min(...xs.map((x) => x.ms)))}–${Math.round(Math.max(...xs.map((x) => x.ms)))}`;
    const best = (xs: Sample[]) => Math.min(...xs.map((x) => x.ms));
    const base = best(parse);
    printTable(
      `Cache cold load, ${devices.toLocaleString('en-US')} devices × 4 vendors (${recordMB.toFixed(1)} MB of records), each step in a fresh process, best of ${RUNS} (range)`,
      [
        ['step', 'ms', 'range', 'vs JSON.parse', 'target'],
        ['plain JSON.parse of the records', base, range(parse), '1.0×', ''],
        ['fleetdesk: read + checksum + parse + open saved links and index', best(load), range(load), `${(best(load) / base).toFixed(1)}×`, '≤ 4×'],
        ['fleetdesk without saved state: read + checksum + parse + link + index', best(rebuild), range(rebuild), `${(best(rebuild) / base).toFixed(1)}×`, ''],
      ],
    );
    const mem = load[0]!;
    printTable(`Main-process memory with the cache loaded (fresh process, after a full collection; target < 400 MB)`, [
      ['what', 'MB'],
      ['JS heap (records, devices, index strings)', Math.round(mem.heapMB)],
      ['array buffers (index typed arrays)', Math.round(mem.buffersMB)],
      ['process RSS', Math.round(mem.rssMB)],
    ]);
    console.log(`On disk: ${snapshotMB.toFixed(1)} MB of snapshots and ${derivedMB.toFixed(1)} MB of derived state (links + search index).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
