// Search benchmark: fleetdesk's index against Fuse.js, uFuzzy, MiniSearch,
// FlexSearch and a linear scan, on the same 100,000-device fleet and the same
// mixed query set, printed side by side with result counts.
// Run: npm run bench -- search   (or: node --expose-gc --import tsx scripts/bench/search.ts)
import uFuzzy from '@leeoniya/ufuzzy';
import { Index as FlexIndex } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { pathToFileURL } from 'node:url';
import type { FleetDevice } from '../../shared/model';
import { buildSearchIndex } from '../../shared/search/index';
import { benchFleet, deviceText } from './bench-fleet';
import { benchQueries, type BenchQuery } from './search-queries';
import { percentile, printTable } from './table';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const REPS = 7;
/** The first page of results the table shows (renderer/features/search PAGE_SIZE). */
const PAGE = 60;

interface Engine {
  name: string;
  note: string;
  build(fleet: readonly FleetDevice[]): unknown;
  /** Result count, or null when the engine cannot run this query. */
  run(q: BenchQuery): number | null;
  /** Only these queries (Fuse.js takes seconds per query). */
  only?: (q: BenchQuery, i: number) => boolean;
  /** A second way to query the same index, timed on its own line. */
  also?: { name: string; note: string; run(q: BenchQuery): number | null };
}

function memoryNow(): number {
  // Two collections: the first may only queue array buffers for freeing.
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const queryLabel = (q: BenchQuery) => (q.kind === 'paste' ? `paste of ${q.q.split('\n').length} serials` : q.q.slice(0, 38));

function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** p50, p99 and max of some samples (ms). */
function latencies(samples: number[]): number[] {
  const sorted = samples.slice().sort((a, b) => a - b);
  return [percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] ?? 0];
}

function engines(): Engine[] {
  let texts: string[] = [];
  const lowerTexts = (fleet: readonly FleetDevice[]) => (texts = fleet.map((d) => deviceText(d).toLowerCase()));
  const words = (t: string) => t.toLowerCase().split(/\s+/).filter(Boolean);

  let fd: ReturnType<typeof buildSearchIndex>;
  let uf: uFuzzy;
  let ms: MiniSearch;
  let flex: FlexIndex;
  let fuse: Fuse<string>;
  return [
    {
      name: 'fleetdesk',
      note: `all queries, operators included; count + first ${PAGE} ranked`,
      build: (fleet) => (fd = buildSearchIndex(fleet, { now: NOW })),
      run: (q) => {
        if (q.kind === 'paste') return fd.matchList(q.q).ids.length;
        // What the app does per keystroke: the count and the first page, ranked.
        const r = fd.search(q.q, { now: NOW });
        r.page(0, PAGE);
        return r.total;
      },
      also: {
        name: 'fleetdesk, every match ordered',
        note: 'same index; all ids ranked (select all, export)',
        run: (q) => (q.kind === 'paste' ? fd.matchList(q.q).ids.length : fd.search(q.q, { now: NOW }).ids.length),
      },
    },
    {
      name: 'linear includes scan',
      note: 'text part only; every word must be a substring',
      build: lowerTexts,
      run: (q) => {
        if (q.text === null) return null;
        const w = words(q.text);
        let c = 0;
        for (const t of texts) if (w.every((x) => t.includes(x))) c++;
        return c;
      },
    },
    {
      name: 'uFuzzy 1.0',
      note: 'text part only; filter() without ranking',
      build: (fleet) => {
        lowerTexts(fleet);
        uf = new uFuzzy({});
        return uf;
      },
      run: (q) => (q.text === null ? null : (uf.filter(texts, q.text)?.length ?? 0)),
    },
    {
      name: 'MiniSearch 7',
      note: 'text part only; prefix + fuzzy 0.2, AND',
      build: (fleet) => {
        ms = new MiniSearch({ fields: ['text'], idField: 'id' });
        ms.addAll(fleet.map((d, id) => ({ id, text: deviceText(d) })));
        return ms;
      },
      run: (q) => (q.text === null ? null : ms.search(q.text, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).length),
    },
    {
      name: 'FlexSearch 0.8',
      note: 'text part only; tokenize "full" (substrings)',
      build: (fleet) => {
        flex = new FlexIndex({ tokenize: 'full' });
        fleet.forEach((d, id) => flex.add(id, deviceText(d)));
        return flex;
      },
      run: (q) => (q.text === null ? null : (flex.search(q.text, { limit: 200_000 }) as unknown[]).length),
    },
    {
      name: 'Fuse.js 7',
      note: 'text part only; 4 queries (about 1.5 s each)',
      build: (fleet) => (fuse = new Fuse(fleet.map(deviceText), { threshold: 0.3, ignoreLocation: true })),
      run: (q) => (q.text === null ? null : fuse.search(q.text).length),
      only: (q, i) => q.text !== null && [0, 8, 10, 20].includes(i),
    },
  ];
}

export async function runSearchBench(devices = 100_000): Promise<void> {
  const fleet = benchFleet(devices);
  const queries = benchQueries(fleet);
  const summary: Array<Array<string | number>> = [['engine', 'build ms', 'memory MB', 'p50 ms', 'p99 ms', 'max ms', 'queries', 'notes']];
  const counts = new Map<string, Array<number | null>>();
  let slowest: Array<[string, number]> = [];
  for (const engine of engines()) {
    // Memory retained by one index; then (fleetdesk only) two more builds for a fair build time.
    const before = memoryNow();
    const builds: number[] = [];
    let t0 = performance.now();
    let keep: unknown = engine.build(fleet);
    builds.push(performance.now() - t0);
    const memory = (memoryNow() - before) / 1e6;
    for (let b = 1; b < (engine.name === 'fleetdesk' ? 3 : 1); b++) {
      keep = null;
      t0 = performance.now();
      keep = engine.build(fleet);
      builds.push(performance.now() - t0);
    }
    const samples: number[] = [];
    const perQuery: Array<number | null> = [];
    const medians: Array<[string, number]> = [];
    queries.forEach((q, i) => {
      if (engine.only && !engine.only(q, i)) return perQuery.push(null);
      const count = engine.run(q); // warm-up run, and the count
      perQuery.push(count);
      if (count === null) return;
      const runs: number[] = [];
      for (let r = 0; r < (engine.name.startsWith('Fuse') ? 1 : REPS); r++) runs.push(timed(() => engine.run(q)));
      samples.push(...runs);
      medians.push([queryLabel(q), latencies(runs)[0]!]);
    });
    if (engine.name === 'fleetdesk') slowest = medians.sort((a, b) => b[1] - a[1]).slice(0, 4);
    void keep;
    counts.set(engine.name, perQuery);
    const buildText = builds.length > 1 ? `${Math.round(builds.slice().sort((a, b) => a - b)[1]!)} (first ${Math.round(builds[0]!)})` : Math.round(builds[0]!);
    summary.push([engine.name, buildText, Math.round(memory), ...latencies(samples), perQuery.filter((c) => c !== null).length, engine.note]);
    if (engine.also) {
      const also = engine.also;
      const more: number[] = [];
      for (const q of queries) {
        also.run(q);
        for (let r = 0; r < REPS; r++) more.push(timed(() => also.run(q)));
      }
      summary.push([also.name, '', '', ...latencies(more), queries.length, also.note]);
    }
  }
  printTable(`Search, ${fleet.length.toLocaleString('en-US')} devices, ${queries.length} queries × ${REPS} runs (targets: build ≤ 1,500 ms, memory ≤ 150 MB, p50 ≤ 1 ms, p99 ≤ 5 ms)`, summary);

  const names = [...counts.keys()];
  const rows: Array<Array<string | number>> = [['query', 'kind', ...names]];
  queries.forEach((q, i) => rows.push([queryLabel(q), q.kind, ...names.map((n) => counts.get(n)![i] ?? '—')]));
  printTable('Result counts per query (— = not run: no operators, or skipped)', rows);
  // Medians shrug off a busy machine: where fleetdesk's time goes, apart from the noise in p99.
  console.log(`Slowest fleetdesk queries, median of ${REPS} runs: ${slowest.map(([q, ms]) => `"${q}" ${ms.toFixed(2)} ms`).join(', ')}.`);
  console.log('Memory is heap + array buffers retained by the index, measured with --expose-gc. fleetdesk build: median of 3 (the first, cold JIT, in brackets).');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSearchBench();
