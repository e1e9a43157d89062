// `npm run bench`: every speed target, measured and printed as tables.
// Usage: npm run bench [-- search|cache|sync|keystroke ...]   (default: all)
import { runCacheLoadBench } from './bench/cache-load';
import { runKeystrokeBench } from './bench/keystroke';
import { runSearchBench } from './bench/search';
import { runSyncBench } from './bench/sync';

const BENCHES: Record<string, () => Promise<unknown>> = {
  search: runSearchBench,
  cache: () => runCacheLoadBench(),
  sync: () => runSyncBench(),
  keystroke: () => runKeystrokeBench(),
};

const wanted = process.argv.slice(2).filter((a) => a in BENCHES);
console.log(`fleetdesk benchmarks on ${process.platform}, Node ${process.version}${globalThis.gc ? '' : ' (heap figures are approximate without --expose-gc)'}`);
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) await BENCHES[name]!();
