// One cold-load measurement in a fresh process (started by cache-load.ts):
//   parse <dir>: JSON.parse of the snapshot bodies, nothing else
//   load <dir>:  what the app does at start: FleetStore.load, then a search
// Prints one JSON line: { ms, heapMB, buffersMB, rssMB, reopened }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FleetStore } from '../../electron/fleet/fleet-store';
import { CONNECTIONS } from './cache-load';

const [what, dir] = process.argv.slice(2) as ['parse' | 'load', string];
let keep: unknown;
let reopened: boolean | undefined;
let ms: number;
if (what === 'parse') {
  // The bodies are read before the clock starts: the baseline is the parse alone.
  const bodies = CONNECTIONS.map((c) => {
    const buf = readFileSync(join(dir, `${c.id}.snapshot`));
    return buf.subarray(buf.indexOf(0x0a) + 1).toString('utf8');
  });
  const t0 = performance.now();
  keep = bodies.map((b) => JSON.parse(b) as unknown);
  ms = performance.now() - t0;
} else {
  const t0 = performance.now();
  const store = new FleetStore(dir);
  store.load(CONNECTIONS);
  store.index.search('51BN').page(0, 60);
  ms = performance.now() - t0;
  if (store.devices.length === 0 || store.loadProblems.length) throw new Error(`cache load failed: ${store.loadProblems.join(' ')}`);
  reopened = store.lastRebuild === 'reopened';
  keep = store;
}
globalThis.gc?.();
globalThis.gc?.();
const m = process.memoryUsage();
void keep;
console.log(JSON.stringify({ ms, heapMB: m.heapUsed / 1e6, buffersMB: m.arrayBuffers / 1e6, rssMB: m.rss / 1e6, reopened }));
