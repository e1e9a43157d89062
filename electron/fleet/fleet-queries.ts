import type { DeviceRow } from '../../shared/ipc/channels/fleet';
import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import type { SearchResult } from '../../shared/search/index';
import { toDeviceRow } from './device-row';
import type { FleetStore } from './fleet-store';

type SortColumn = ParsedRequestOf<'fleet:search'>['sort'];

/**
 * Answers the search table: runs the query once, keeps its result, and serves
 * pages of rows from it as the user scrolls. Ranked results are ordered only
 * as far as the pages asked for, so a query matching most of the fleet costs
 * its count and the rows on screen.
 */
export class FleetQueries {
  private last: { key: string; generation: number; result: SearchResult; sorted: Uint32Array | null; tookMs: number } | null = null;
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
    const t0 = performance.now();
    const fresh = !this.last || this.last.key !== cacheKey || this.last.generation !== this.store.generation;
    if (fresh) {
      const result = this.store.index.search(req.query);
      const sorted = req.sort === 'relevance' ? null : this.sorted(result.ids, req.sort, req.descending);
      this.last = { key: cacheKey, generation: this.store.generation, result, sorted, tookMs: 0 };
    }
    const last = this.last!;
    const ids = last.sorted ? last.sorted.subarray(req.offset, req.offset + req.limit) : this.relevancePage(last.result, req.offset, req.limit, req.descending);
    // A new query's time includes ordering its first page.
    if (fresh) last.tookMs = performance.now() - t0;
    const rows: DeviceRow[] = [];
    for (let k = 0; k < ids.length; k++) rows.push(this.row(ids[k]!));
    return { total: last.result.total, offset: req.offset, rows, errors: last.result.errors, tookMs: last.tookMs, generation: this.store.generation };
  }

  /** A page of the ranked order, or of its reverse. */
  private relevancePage(result: SearchResult, offset: number, limit: number, descending: boolean): Uint32Array {
    if (!descending) return result.page(offset, limit);
    const end = Math.max(0, result.total - offset);
    const start = Math.max(0, end - limit);
    return result.page(start, end - start).reverse();
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
