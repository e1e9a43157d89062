import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSections, encodeSections } from '../../../electron/cache/section-file';
import { DERIVED_FORMAT } from '../../../electron/fleet/derived-state';
import { FleetStore } from '../../../electron/fleet/fleet-store';
import { generateDemoFleet } from '../../../electron/vendors/demo-fleet/generate';
import { seedToAppRecords } from '../../../electron/vendors/demo-fleet/to-app';

const CONNECTIONS = [
  { id: 'c-absolute', vendor: 'absolute' },
  { id: 'c-insiders', vendor: 'insiders' },
  { id: 'c-telemetron', vendor: 'telemetron' },
  { id: 'c-algosec', vendor: 'algosec' },
] as const;
const NOW = '2026-11-20T10:00:00Z';
const QUERIES = ['51bn', 'lptp', 'l', 'group:Branch-1', 'owner:"manager 101"@2026-06-01', 'stolen:yes -vendor:insiders', 'tjorrdan'];

/** A cache folder with four synced connections and their saved derived state. */
async function cacheWith(devices = 400, seed = 5): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdesk-derived-'));
  const records = seedToAppRecords(generateDemoFleet({ devices, seed, now: new Date(NOW) }));
  const store = new FleetStore(dir);
  for (const c of CONNECTIONS) store.replaceSlice(c.id, c.vendor, records[c.vendor] as never[], NOW);
  await store.flushDerived();
  return dir;
}

function open(dir: string): FleetStore {
  const store = new FleetStore(dir);
  store.load(CONNECTIONS);
  return store;
}

/** What a technician sees: every device as JSON, and the results of a few searches by key. */
function seen(store: FleetStore) {
  return {
    devices: JSON.stringify(store.devices),
    results: QUERIES.map((q) => Array.from(store.index.search(q, { now: Date.parse(NOW) }).ids, (i) => store.devices[i]!.key)),
    suggestions: store.index.suggest('group:bra', 9),
  };
}

describe('saved links and search index (derived state)', () => {
  it('reopens an unchanged cache without linking or indexing again, with identical devices and results', async () => {
    const dir = await cacheWith();
    expect(existsSync(join(dir, 'fleet.derived'))).toBe(true);
    const reopened = open(dir);
    expect(reopened.lastRebuild).toBe('reopened');
    expect(reopened.loadProblems).toEqual([]);

    // The same cache opened without the derived state computes everything: what the user sees is the same.
    writeFileSync(join(dir, 'fleet.derived'), '');
    const computed = open(dir);
    expect(computed.lastRebuild).toBe('computed');
    expect(seen(reopened)).toEqual(seen(computed));
    expect(reopened.device(reopened.devices[7]!.key)).toBe(reopened.devices[7]);
    expect(reopened.deviceIndex('serial:NOT-THERE')).toBeUndefined();
  });

  it('is not trusted once a snapshot it was computed from changed, and the new data is what search finds', async () => {
    const dir = await cacheWith();
    // Another sync rewrote Absolute's snapshot (the app stopped before saving derived state again).
    const other = new FleetStore(dir);
    other.load(CONNECTIONS);
    const absolute = other.slice('c-absolute')!.records.map((r) => ({ ...r, systemName: r === other.slice('c-absolute')!.records[0] ? 'LPTP-RENAMED' : (r as { systemName: string }).systemName }));
    other.replaceSlice('c-absolute', 'absolute', absolute as never[], NOW);

    const store = open(dir);
    expect(store.lastRebuild).toBe('computed');
    expect(store.loadProblems).toEqual([]);
    expect(Array.from(store.index.search('lptp-renamed').ids, (i) => store.devices[i]!.name)).toEqual(['LPTP-RENAMED']);
  });

  it('reports a truncated file in plain words and rebuilds', async () => {
    const dir = await cacheWith();
    const path = join(dir, 'fleet.derived');
    const expected = seen(open(dir));
    truncateSync(path, statSync(path).size - 1000);
    const store = open(dir);
    expect(store.lastRebuild).toBe('computed');
    expect(store.loadProblems).toEqual([expect.stringMatching(/saved search index .* could not be used: it is cut short .* rebuilt from the cached data/)]);
    expect(seen(store)).toEqual(expected);
  });

  it('reports a damaged byte and rebuilds', async () => {
    const dir = await cacheWith();
    const path = join(dir, 'fleet.derived');
    const buf = readFileSync(path);
    buf[buf.length - 300] = buf[buf.length - 300]! ^ 0x10;
    writeFileSync(path, buf);
    const store = open(dir);
    expect(store.lastRebuild).toBe('computed');
    expect(store.loadProblems).toEqual([expect.stringMatching(/do not match its checksum/)]);
  });

  it('rebuilds a file written by another version of fleetdesk without calling it a problem', async () => {
    const dir = await cacheWith();
    const path = join(dir, 'fleet.derived');
    writeFileSync(path, Buffer.concat(encodeSections(DERIVED_FORMAT, 0, { inputs: [] }, {})));
    const store = open(dir);
    expect(store.lastRebuild).toBe('computed');
    expect(store.loadProblems).toEqual([]);
  });

  it('saves the rebuilt state, so the start after that is fast again', async () => {
    const dir = await cacheWith();
    writeFileSync(join(dir, 'fleet.derived'), 'garbage');
    const first = open(dir);
    expect(first.lastRebuild).toBe('computed');
    await first.flushDerived();
    expect(open(dir).lastRebuild).toBe('reopened');
  });

  it('removes the derived state with a purged connection: it holds that connection’s values too', async () => {
    const dir = await cacheWith();
    const store = open(dir);
    store.removeSlice('c-telemetron', true);
    expect(existsSync(join(dir, 'fleet.derived'))).toBe(false);
    await store.flushDerived();
    const again = new FleetStore(dir);
    again.load(CONNECTIONS.filter((c) => c.id !== 'c-telemetron'));
    expect(again.lastRebuild).toBe('reopened');
    expect(again.devices.some((d) => d.telemetron)).toBe(false);
  });
});

describe('section file', () => {
  it('round-trips typed arrays, text, string lists and JSON, empty ones included', () => {
    const sections = {
      ids: Uint32Array.of(1, 2, 4000000000),
      none: new Uint32Array(0),
      bytes: Uint8Array.of(255, 0, 7),
      times: Float64Array.of(1.5, NaN, Infinity),
      signed: Int32Array.of(-1, 2),
      text: 'José, Zoë and 東京',
      words: ['a', '', 'Ünïcode', 'x'.repeat(70000)],
      json: [[3, { field: 'name' }]],
    };
    const { meta, sections: back } = decodeSections(Buffer.concat(encodeSections('t', 1, { n: 1 }, sections)), 't', 1);
    expect(meta).toEqual({ n: 1 });
    expect(back).toEqual(sections);
  });

  it('notices a damaged header field (a wrong offset must not pass as data)', () => {
    const buf = Buffer.concat(encodeSections('t', 1, null, { a: Uint32Array.of(1, 2, 3, 4), b: Uint32Array.of(5, 6) }));
    const text = buf.toString('latin1').replace('"offset":16', '"offset":8');
    expect(() => decodeSections(Buffer.from(text, 'latin1'), 't', 1)).toThrow(/header is damaged/);
  });
});
