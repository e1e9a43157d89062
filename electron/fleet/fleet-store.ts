import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AbsoluteDevice, AlgosecDevice, FleetDevice, InsidersDevice, TelemetronDevice, VendorFreshness } from '../../shared/model';
import type { VendorId } from '../../shared/vendors';
import { linkFleet } from '../../shared/fleet/link';
import { buildSearchIndex, type SearchIndex } from '../../shared/search/index';
import { loadSnapshot, writeSnapshot } from '../cache/snapshot-file';

type VendorRecord = AbsoluteDevice | InsidersDevice | TelemetronDevice | AlgosecDevice;

/** One connection's part of the fleet: its records and how fresh they are. */
export interface FleetSlice {
  connectionId: string;
  vendor: VendorId;
  asOf: string | null;
  records: VendorRecord[];
  meta: Record<string, unknown>;
  lastError: string | null;
}

/**
 * The fleet in memory: every connection's slice (loaded from and saved to its
 * snapshot file), the linked cross-vendor devices, and the search index over
 * them. `generation` increases on every change so callers can drop stale pages.
 */
export class FleetStore {
  private readonly slices = new Map<string, FleetSlice>();
  private linked: FleetDevice[] = [];
  private keyIndex = new Map<string, number>();
  private searchIndex: SearchIndex = buildSearchIndex([]);
  private gen = 0;
  private readonly refreshed = new Map<string, string>();
  /** Plain-words problems found while loading the cache (corrupt files, fallbacks). */
  readonly loadProblems: string[] = [];

  constructor(private readonly cacheDir: string) {
    mkdirSync(cacheDir, { recursive: true });
  }

  private pathOf(connectionId: string) {
    return join(this.cacheDir, `${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.snapshot`);
  }

  /** Opens the cached slices of these connections (fast; no network). */
  load(connections: ReadonlyArray<{ id: string; vendor: VendorId }>): void {
    for (const c of connections) {
      const result = loadSnapshot<VendorRecord>(this.pathOf(c.id));
      if (result.status === 'ok') {
        if (result.problem) this.loadProblems.push(result.problem);
        this.slices.set(c.id, {
          connectionId: c.id,
          vendor: c.vendor,
          asOf: result.snapshot.header.asOf,
          records: result.snapshot.records,
          meta: result.snapshot.header.meta ?? {},
          lastError: null,
        });
      } else {
        if (result.status === 'corrupt') this.loadProblems.push(result.problem);
        this.slices.set(c.id, { connectionId: c.id, vendor: c.vendor, asOf: null, records: [], meta: {}, lastError: null });
      }
    }
    this.rebuild();
  }

  /** A finished sync: the new slice is written to disk first, then it replaces the old one. */
  replaceSlice(connectionId: string, vendor: VendorId, records: VendorRecord[], asOf: string, meta: Record<string, unknown> = {}): void {
    const tagged = records.map((r) => ({ ...r, connectionId }));
    writeSnapshot(this.pathOf(connectionId), { connectionId, vendor, asOf, meta }, tagged);
    this.slices.set(connectionId, { connectionId, vendor, asOf, records: tagged, meta, lastError: null });
    for (const key of this.refreshed.keys()) if (key.startsWith(`${connectionId}\u0000`)) this.refreshed.delete(key);
    this.rebuild();
  }

  /**
   * A partial refresh (e.g. the devices of an unenroll review): the records
   * with these ids are replaced by the fresh ones, or dropped when the vendor
   * no longer lists them. The slice keeps its "as of"; each refreshed record
   * remembers its own time (see `recordAsOf`).
   */
  patchRecords<R extends VendorRecord>(connectionId: string, ids: readonly string[], fresh: readonly R[], idOf: (r: R) => string, at: string): void {
    const slice = this.slices.get(connectionId);
    if (!slice) return;
    const asked = new Set(ids);
    const kept = (slice.records as R[]).filter((r) => !asked.has(idOf(r)));
    const records = [...kept, ...fresh.map((r) => ({ ...r, connectionId }))];
    writeSnapshot(this.pathOf(connectionId), { connectionId, vendor: slice.vendor, asOf: slice.asOf ?? at, meta: slice.meta }, records);
    slice.records = records;
    for (const id of ids) this.refreshed.set(`${connectionId}\u0000${id}`, at);
    this.rebuild();
  }

  /** When one record was last read from its vendor: its own refresh, or its slice's sync. */
  recordAsOf(connectionId: string, id: string): string | null {
    return this.refreshed.get(`${connectionId}\u0000${id}`) ?? this.slices.get(connectionId)?.asOf ?? null;
  }

  /** A failed sync keeps the previous data and remembers why. */
  setError(connectionId: string, message: string | null): void {
    const slice = this.slices.get(connectionId);
    if (slice) slice.lastError = message;
  }

  removeSlice(connectionId: string, purge: boolean): void {
    this.slices.delete(connectionId);
    if (purge) for (const p of [this.pathOf(connectionId), `${this.pathOf(connectionId)}.prev`]) if (existsSync(p)) rmSync(p);
    this.rebuild();
  }

  slice(connectionId: string): FleetSlice | undefined {
    return this.slices.get(connectionId);
  }

  private rebuild(): void {
    const byVendor: { absolute: AbsoluteDevice[]; insiders: InsidersDevice[]; telemetron: TelemetronDevice[]; algosec: AlgosecDevice[] } = {
      absolute: [],
      insiders: [],
      telemetron: [],
      algosec: [],
    };
    for (const s of this.slices.values()) (byVendor[s.vendor] as VendorRecord[]).push(...s.records);
    this.linked = linkFleet(byVendor);
    this.keyIndex = new Map(this.linked.map((d, i) => [d.key, i]));
    this.searchIndex = buildSearchIndex(this.linked);
    this.gen += 1;
  }

  get devices(): readonly FleetDevice[] {
    return this.linked;
  }

  get index(): SearchIndex {
    return this.searchIndex;
  }

  get generation(): number {
    return this.gen;
  }

  deviceIndex(key: string): number | undefined {
    return this.keyIndex.get(key);
  }

  device(key: string): FleetDevice | null {
    const i = this.keyIndex.get(key);
    return i === undefined ? null : (this.linked[i] ?? null);
  }

  asOfByConnection(): Map<string, string | null> {
    return new Map([...this.slices.values()].map((s) => [s.connectionId, s.asOf]));
  }

  freshness(): VendorFreshness[] {
    return [...this.slices.values()].map((s) => ({
      vendor: s.vendor,
      connectionId: s.connectionId,
      asOf: s.asOf,
      deviceCount: s.records.length,
      lastError: s.lastError,
    }));
  }
}
