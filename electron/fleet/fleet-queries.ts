import type { DeviceRow } from '../../shared/ipc/channels/fleet';
import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import { toDeviceRow } from './device-row';
import type { FleetStore } from './fleet-store';

type SortColumn = ParsedRequestOf<'fleet:search'>['sort'];

/**
 * Answers the search table: runs the query once, keeps the ranked and sorted
 * id list for that query, and serves pages of rows from it as the user
 * scrolls, so paging costs only the rows on screen.
 */
export class FleetQueries {
  private last: { key: string; generation: number; ids: Uint32Array; errors: ResultOf<'fleet:search'>['errors']; tookMs: number } | null = null;
  private rowCache = new Map<number, DeviceRow>();
  private rowCacheGeneration = -1;

  constructor(private readonly store: FleetStore) {}

  private row(i: number): DeviceRow {
    if (this.rowCacheGeneration !== this.store.generation) {
      this.rowCache.clear();
      this.rowCacheGeneration = this.store.generation;
    }
    let row = this.rowCache.get(i);
    if (!row) {
      row = toDeviceRow(this.store.devices[i]!, this.store.asOfByConnection());
      this.rowCache.set(i, row);
    }
    return row;
  }

  search(req: ParsedRequestOf<'fleet:search'>): ResultOf<'fleet:search'> {
    const cacheKey = `${req.sort}\u0000${req.descending}\u0000${req.query}`;
    if (!this.last || this.last.key !== cacheKey || this.last.generation !== this.store.generation) {
      const t0 = performance.now();
      const result = this.store.index.search(req.query);
      const ids = req.sort === 'relevance' ? (req.descending ? result.ids.slice().reverse() : result.ids) : this.sorted(result.ids, req.sort, req.descending);
      this.last = { key: cacheKey, generation: this.store.generation, ids, errors: result.errors, tookMs: performance.now() - t0 };
    }
    const { ids, errors, tookMs } = this.last;
    const rows: DeviceRow[] = [];
    const end = Math.min(ids.length, req.offset + req.limit);
    for (let k = req.offset; k < end; k++) rows.push(this.row(ids[k]!));
    return { total: ids.length, offset: req.offset, rows, errors, tookMs, generation: this.store.generation };
  }

  matchingKeys(query: string): string[] {
    const { ids } = this.store.index.search(query);
    return Array.from(ids, (i) => this.store.devices[i]!.key);
  }

  matchList(text: string): ResultOf<'fleet:matchList'> {
    const r = this.store.index.matchList(text);
    return { keys: Array.from(r.ids, (i) => this.store.devices[i]!.key), notFound: r.notFound, tokens: r.tokens };
  }

  rows(keys: string[]): ResultOf<'fleet:rows'> {
    const rows: DeviceRow[] = [];
    const missing: string[] = [];
    for (const key of keys) {
      const i = this.store.deviceIndex(key);
      if (i === undefined) missing.push(key);
      else rows.push(this.row(i));
    }
    return { rows, missing };
  }

  private sorted(ids: Uint32Array, column: Exclude<SortColumn, 'relevance'>, descending: boolean): Uint32Array {
    const keyOf = (i: number): string | number => {
      const r = this.row(i);
      switch (column) {
        case 'name':
          return r.name.toLowerCase();
        case 'serial':
          return r.serial ?? '';
        case 'user':
          return r.user ?? '';
        case 'status':
          return r.stolen ? 'stolen' : (r.status ?? '~');
        case 'lastSeen':
          return r.lastSeen ?? '';
        case 'vendors':
          return r.vendors.length;
        case 'dataAsOf':
          return r.dataAsOf ?? '';
      }
    };
    const keys = new Map<number, string | number>();
    for (const i of ids) keys.set(i, keyOf(i));
    const out = Array.from(ids).sort((a, b) => {
      const ka = keys.get(a)!;
      const kb = keys.get(b)!;
      const c = ka < kb ? -1 : ka > kb ? 1 : a - b;
      return descending ? -c : c;
    });
    return Uint32Array.from(out);
  }
}
