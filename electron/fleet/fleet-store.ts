import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AbsoluteDevice, AlgosecDevice, FleetDevice, InsidersDevice, TelemetronDevice, VendorFreshness } from '../../shared/model';
import { VENDOR_LABELS, type VendorId } from '../../shared/vendors';
import { assembleFleet, planLinks, type LinkInput } from '../../shared/fleet/link';
import { buildSearchIndex, openSearchIndex, type SearchIndex } from '../../shared/search/index';
import { buildIndexData } from '../../shared/search/index-data';
import { loadSnapshot, writeSnapshot } from '../cache/snapshot-file';
import { loadDerivedState, sameInputs, saveDerivedState, type DerivedState, type SliceStamp } from './derived-state';

type VendorRecord = AbsoluteDevice | InsidersDevice | TelemetronDevice | AlgosecDevice;

/** One connection's part of the fleet: its records and how fresh they are. */
export interface FleetSlice {
  connectionId: string;
  vendor: VendorId;
  asOf: string | null;
  records: VendorRecord[];
  meta: Record<string, unknown>;
  lastError: string | null;
  /** Checksum of the snapshot these records were read from or written to (null: none on disk). */
  sha256?: string | null;
}

export interface FleetStoreOptions {
  /** Where problems that are not the user's to fix go (a failed save of the derived state). */
  log?: (line: string) => void;
  /** How long after a change the derived state is saved (changes in a burst are saved once). */
  saveDelayMs?: number;
}

/**
 * The fleet in memory: every connection's slice (loaded from and saved to its
 * snapshot file), the linked cross-vendor devices, and the search index over
 * them. `generation` increases on every change so callers can drop stale pages.
 *
 * Linking and indexing are saved as derived state next to the snapshots
 * (`fleet.derived`), so a cold start whose snapshots have not changed reopens
 * them instead of computing them again.
 */
export class FleetStore {
  private readonly slices = new Map<string, FleetSlice>();
  private linked: FleetDevice[] = [];
  private searchIndex: SearchIndex = buildSearchIndex([]);
  private gen = 0;
  private readonly refreshed = new Map<string, string>();
  /** Plain-words problems found while loading the cache (corrupt files, fallbacks). */
  readonly loadProblems: string[] = [];
  /** How the last rebuild got its links and index: reopened from the derived state, or computed. */
  lastRebuild: 'reopened' | 'computed' | null = null;
  private pendingSave: { state: DerivedState; timer: ReturnType<typeof setTimeout> } | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly cacheDir: string,
    private readonly options: FleetStoreOptions = {},
  ) {
    mkdirSync(cacheDir, { recursive: true });
  }

  private get derivedPath() {
    return join(this.cacheDir, 'fleet.derived');
  }

  private pathOf(connectionId: string) {
    return join(this.cacheDir, `${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.snapshot`);
  }

  /** Opens the cached slices of these connections (fast; no network). */
  load(connections: ReadonlyArray<{ id: string; vendor: VendorId; label?: string }>): void {
    // Derived state first, while the heap is small: reading its ~100 MB triggers a collection that would
    // otherwise have to walk every record just parsed. It is matched to the snapshots once they are read.
    const derived = loadDerivedState(this.derivedPath);
    if (derived.status === 'corrupt') this.loadProblems.push(`${derived.problem} Search is rebuilt from the cached data instead (this takes a little longer once).`);
    for (const c of connections) {
      const result = loadSnapshot<VendorRecord>(this.pathOf(c.id), `The cached ${VENDOR_LABELS[c.vendor]} data${c.label ? ` of "${c.label}"` : ''}`);
      if (result.status === 'ok') {
        if (result.problem) this.loadProblems.push(result.problem);
        this.slices.set(c.id, {
          connectionId: c.id,
          vendor: c.vendor,
          asOf: result.snapshot.header.asOf,
          records: result.snapshot.records,
          meta: result.snapshot.header.meta ?? {},
          lastError: null,
          sha256: result.snapshot.header.sha256,
        });
      } else {
        if (result.status === 'corrupt') this.loadProblems.push(result.problem);
        this.slices.set(c.id, { connectionId: c.id, vendor: c.vendor, asOf: null, records: [], meta: {}, lastError: null });
      }
    }
    this.rebuild(derived.status === 'ok' ? derived.state : null);
  }

  /** A finished sync: the new slice is written to disk first, then it replaces the old one. */
  replaceSlice(connectionId: string, vendor: VendorId, records: VendorRecord[], asOf: string, meta: Record<string, unknown> = {}): void {
    const tagged = records.map((r) => ({ ...r, connectionId }));
    const { sha256 } = writeSnapshot(this.pathOf(connectionId), { connectionId, vendor, asOf, meta }, tagged);
    this.slices.set(connectionId, { connectionId, vendor, asOf, records: tagged, meta, lastError: null, sha256 });
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
    slice.sha256 = writeSnapshot(this.pathOf(connectionId), { connectionId, vendor: slice.vendor, asOf: slice.asOf ?? at, meta: slice.meta }, records).sha256;
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
    if (purge) {
      for (const p of [this.pathOf(connectionId), `${this.pathOf(connectionId)}.prev`]) if (existsSync(p)) rmSync(p);
      // The derived state holds the connection's values too: gone now, and after any save still under way.
      const forget = () => rmSync(this.derivedPath, { force: true });
      forget();
      this.saving = this.saving.then(forget).catch((err: unknown) => this.options.log?.(`[cache] The saved search index could not be removed (${(err as Error).message}).`));
    }
    this.rebuild();
  }

  slice(connectionId: string): FleetSlice | undefined {
    return this.slices.get(connectionId);
  }

  /** What the current slices are, for matching derived state to them. */
  private stamps(): SliceStamp[] {
    return [...this.slices.values()].map((s) => ({ connectionId: s.connectionId, vendor: s.vendor, sha256: s.sha256 ?? null, count: s.records.length }));
  }

  /**
   * Links the slices and indexes the devices, or reopens both from `saved`
   * when it was computed from exactly these slices.
   */
  private rebuild(saved: DerivedState | null = null): void {
    const records: Record<VendorId, VendorRecord[]> = { absolute: [], insiders: [], telemetron: [], algosec: [] };
    // One connection per vendor is the usual case: its records are used as they are, not copied.
    for (const s of this.slices.values()) records[s.vendor] = records[s.vendor].length ? records[s.vendor].concat(s.records) : s.records;
    const byVendor = records as LinkInput;
    const inputs = this.stamps();
    if (saved && sameInputs(saved.inputs, inputs)) {
      this.linked = assembleFleet(byVendor, saved.plan);
      this.searchIndex = openSearchIndex(saved.index);
      this.lastRebuild = 'reopened';
    } else {
      const plan = planLinks(byVendor);
      this.linked = assembleFleet(byVendor, plan);
      const index = buildIndexData(this.linked);
      this.searchIndex = openSearchIndex(index);
      this.lastRebuild = 'computed';
      this.scheduleSave({ inputs, plan, index });
    }
    this.gen += 1;
  }

  /** Saves derived state a moment later (a burst of syncs is saved once), without blocking searches. */
  private scheduleSave(state: DerivedState): void {
    if (this.pendingSave) clearTimeout(this.pendingSave.timer);
    const timer = setTimeout(() => void this.flushDerived(), this.options.saveDelayMs ?? 2000);
    timer.unref?.();
    this.pendingSave = { state, timer };
  }

  /** Writes pending derived state now; resolves once it is on disk (or failed, which is logged: the next start rebuilds). */
  async flushDerived(): Promise<void> {
    const pending = this.pendingSave;
    if (pending) {
      clearTimeout(pending.timer);
      this.pendingSave = null;
      this.saving = this.saving.then(() =>
        saveDerivedState(this.derivedPath, pending.state).catch((err: unknown) => this.options.log?.(`[cache] The search index could not be saved (${(err as Error).message}); the next start rebuilds it.`)),
      );
    }
    await this.saving;
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

  /** Where the device with this key is in `devices` (they are in key order: a binary search, no map to build). */
  deviceIndex(key: string): number | undefined {
    let lo = 0;
    let hi = this.linked.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.linked[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return this.linked[lo]?.key === key ? lo : undefined;
  }

  device(key: string): FleetDevice | null {
    const i = this.deviceIndex(key);
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
