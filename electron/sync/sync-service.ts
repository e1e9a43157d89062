import { FleetError, toAppError } from '../../shared/errors';
import type { Emit } from '../host/handler-types';
import type { FleetStore } from '../fleet/fleet-store';
import type { Checkpoint, SyncSource } from './types';

/** Page progress is sent at most this often per connection (start and end always). */
const PROGRESS_EVERY_MS = 200;

interface Job {
  controller: AbortController;
  promise: Promise<void>;
}

export interface SyncServiceOptions {
  store: FleetStore;
  /** The current sources (one per connection with usable credentials). */
  sources: () => SyncSource[];
  emit: () => Emit;
  /** Tells the status bar something changed (online flag, syncing). */
  onStatusChange: () => void;
  now?: () => Date;
  log?: (line: string) => void;
  /** A connection's new slice is in the store (e.g. fleetdesk's custody history notes what changed). */
  onSliceSynced?: (slice: { connectionId: string; vendor: SyncSource['vendor']; records: readonly unknown[]; asOf: string; meta: Record<string, unknown> }) => void;
}

/**
 * Pulls every connection's listing into the fleet store. One connection's
 * failure never blocks the others and keeps its previous data; at most one
 * sync per connection runs at a time; a failed pull resumes from its last
 * complete page next time.
 */
export class SyncService {
  private readonly jobs = new Map<string, Job>();
  private readonly checkpoints = new Map<string, NonNullable<Checkpoint>>();
  private lastOutcome = new Map<string, 'ok' | 'network' | 'error'>();
  lastSyncAt: string | null = null;

  constructor(private readonly o: SyncServiceOptions) {}

  get syncing(): boolean {
    return this.jobs.size > 0;
  }

  /** Online unless every connection's last attempt failed to reach its vendor. */
  get online(): boolean {
    const outcomes = [...this.lastOutcome.values()];
    return outcomes.length === 0 || outcomes.some((o) => o !== 'network');
  }

  /** Starts a sync of one or all connections; returns the ids actually started (running ones are skipped). */
  start(connectionId?: string): string[] {
    const started: string[] = [];
    for (const source of this.o.sources()) {
      if (connectionId && source.connectionId !== connectionId) continue;
      if (this.jobs.has(source.connectionId)) continue;
      const controller = new AbortController();
      const promise = this.run(source, controller.signal).finally(() => {
        this.jobs.delete(source.connectionId);
        this.o.onStatusChange();
      });
      this.jobs.set(source.connectionId, { controller, promise });
      started.push(source.connectionId);
    }
    if (started.length) this.o.onStatusChange();
    return started;
  }

  cancel(connectionId?: string): string[] {
    const cancelled: string[] = [];
    for (const [id, job] of this.jobs) {
      if (connectionId && id !== connectionId) continue;
      job.controller.abort();
      cancelled.push(id);
    }
    return cancelled;
  }

  /** Resolves when this connection's sync, if one runs, has ended. */
  async idleOf(connectionId: string): Promise<void> {
    await this.jobs.get(connectionId)?.promise;
  }

  /** A removed connection: nothing to resume, no outcome to count towards "online". */
  forget(connectionId: string): void {
    this.checkpoints.delete(connectionId);
    this.lastOutcome.delete(connectionId);
  }

  /** Resolves when every running sync has ended. */
  async idle(): Promise<void> {
    while (this.jobs.size) await Promise.allSettled([...this.jobs.values()].map((j) => j.promise));
  }

  private async run(source: SyncSource, signal: AbortSignal): Promise<void> {
    // Looked up on every event: the first sync starts before the host has connected its emitter.
    const emit: Emit = (event, payload) => this.o.emit()(event, payload);
    const started = Date.now();
    let last = { items: 0, pages: 0, total: null as number | null };
    let pageSentAt = -Infinity;
    const send = (phase: 'started' | 'page' | 'done' | 'failed' | 'cancelled', message: string | null = null) => {
      // Telemetron reports every customer (50 a second): the window needs a few updates a second, not each one.
      if (phase === 'page' && Date.now() - pageSentAt < PROGRESS_EVERY_MS) return;
      if (phase === 'page') pageSentAt = Date.now();
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const rate = last.items / seconds;
      emit('sync:progress', {
        connectionId: source.connectionId,
        vendor: source.vendor,
        phase,
        items: last.items,
        pages: last.pages,
        total: last.total,
        ratePerSecond: Math.round(rate * 10) / 10,
        etaSeconds: last.total !== null && rate > 0 ? Math.max(0, Math.round((last.total - last.items) / rate)) : null,
        message,
      });
    };
    send('started');
    const resumeFrom = this.checkpoints.get(source.connectionId) ?? null;
    try {
      const result = await source.pull(
        {
          signal,
          progress: (p) => {
            last = p;
            send('page');
          },
          checkpoint: (c) => this.checkpoints.set(source.connectionId, c),
        },
        resumeFrom,
      );
      const asOf = (this.o.now?.() ?? new Date()).toISOString();
      this.o.store.replaceSlice(source.connectionId, source.vendor, result.records as never[], asOf, result.meta);
      this.o.onSliceSynced?.({ connectionId: source.connectionId, vendor: source.vendor, records: result.records, asOf, meta: result.meta ?? {} });
      this.checkpoints.delete(source.connectionId);
      this.lastOutcome.set(source.connectionId, 'ok');
      this.lastSyncAt = asOf;
      last = { ...last, items: result.records.length };
      send('done');
      emit('fleet:changed', { reason: `${source.label} synced` });
    } catch (err) {
      const error = err instanceof FleetError ? err.detail : toAppError(err);
      if (signal.aborted || error.kind === 'cancelled') {
        send('cancelled', 'Sync cancelled; the previous data is kept.');
        return;
      }
      const unreachable = error.kind === 'network' || error.kind === 'timeout';
      this.lastOutcome.set(source.connectionId, unreachable ? 'network' : 'error');
      this.o.store.setError(source.connectionId, error.message);
      this.o.log?.(`[sync] ${source.label}: ${error.message}`);
      send('failed', `${error.message} The previous data is kept.`);
    }
  }
}
