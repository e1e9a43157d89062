import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ObservedSpan } from '../../shared/timeline/custody';

/**
 * One line of a connection's custody history. Telemetron keeps no times for
 * assignments and Absolute only knows the last logged-in user, so fleetdesk
 * writes down when it first saw each (device, who) pair and when it saw it
 * end, or when it made or ended the pair itself.
 */
export type HistoryLine =
  | {
      at: string;
      /** Telemetron device identifier, or Absolute deviceUid. */
      device: string;
      /** Customer email, or Absolute username. */
      who: string;
      event: 'start' | 'end';
      by: 'sync' | 'fleetdesk';
      runId?: string;
      /** Already in place at fleetdesk's first sync of this connection: it began at some earlier, unknown time. */
      before?: true;
    }
  /** Written once, at the connection's first recorded sync. */
  | { at: string; event: 'first-sync' };

type PairLine = Extract<HistoryLine, { event: 'start' | 'end' }>;

/** A fleetdesk-made change to record after an apply. */
export interface AppliedChange {
  device: string;
  who: string;
  event: 'start' | 'end';
  runId: string;
}

class ConnectionHistory {
  synced = false;
  readonly byDevice = new Map<string, PairLine[]>();
  /** Open pairs: device → who → when it started. */
  readonly open = new Map<string, Map<string, string>>();
  readonly seenWho = new Set<string>();

  add(line: HistoryLine): void {
    if (line.event === 'first-sync') {
      this.synced = true;
      return;
    }
    let list = this.byDevice.get(line.device);
    if (!list) this.byDevice.set(line.device, (list = []));
    list.push(line);
    this.seenWho.add(line.who);
    let open = this.open.get(line.device);
    if (line.event === 'start') {
      if (!open) this.open.set(line.device, (open = new Map()));
      open.set(line.who, line.at);
    } else {
      open?.delete(line.who);
      if (open?.size === 0) this.open.delete(line.device);
    }
  }

  isOpen(device: string, who: string): boolean {
    return this.open.get(device)?.has(who) ?? false;
  }
}

const isLine = (v: unknown): v is HistoryLine => {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  if (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at))) return false;
  if (o.event === 'first-sync') return true;
  return (o.event === 'start' || o.event === 'end') && typeof o.device === 'string' && typeof o.who === 'string' && (o.by === 'sync' || o.by === 'fleetdesk');
};

/**
 * Per connection, an append-only file of custody events under the data dir
 * (`custody/<connection>.jsonl`), flushed after each batch. Unreadable lines
 * are skipped and reported; a torn last line (crash mid-write) is ignored. A
 * problem with this file never stops the app: the timeline says so instead.
 */
export class CustodyHistory {
  private readonly conns = new Map<string, ConnectionHistory>();
  /** Plain-words problems per connection (unreadable lines, a file that cannot be written). */
  readonly problems = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  private path(connectionId: string) {
    return join(this.dir, `${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.jsonl`);
  }

  private conn(connectionId: string): ConnectionHistory {
    let c = this.conns.get(connectionId);
    if (c) return c;
    c = new ConnectionHistory();
    this.conns.set(connectionId, c);
    const path = this.path(connectionId);
    if (!existsSync(path)) return c;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      this.report(connectionId, `fleetdesk's record of when it saw assignments could not be read (${(err as Error).message}); times shown start from the next sync.`);
      return c;
    }
    const lines = text.split('\n');
    const torn = !text.endsWith('\n') ? lines.pop() : undefined;
    let bad = 0;
    for (const raw of lines) {
      if (!raw.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = null;
      }
      if (isLine(parsed)) c.add(parsed);
      else bad += 1;
    }
    if (torn) this.cutTornTail(connectionId, Buffer.byteLength(text) - Buffer.byteLength(torn));
    if (bad) this.report(connectionId, `${bad} unreadable ${bad === 1 ? 'line was' : 'lines were'} skipped in fleetdesk's record of when it saw assignments (${path}); some times may be missing.`);
    return c;
  }

  private report(connectionId: string, problem: string) {
    this.problems.set(connectionId, problem);
    this.log(`[custody] ${problem}`);
  }

  /** A crash mid-write left half a line at the end: cut it off, so the next line starts clean. */
  private cutTornTail(connectionId: string, keepBytes: number): void {
    try {
      truncateSync(this.path(connectionId), keepBytes);
    } catch (err) {
      this.report(connectionId, `fleetdesk could not repair its record of when it saw assignments (${(err as Error).message}).`);
    }
  }

  private appendRaw(connectionId: string, text: string): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const fd = openSync(this.path(connectionId), 'a', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      this.report(connectionId, `fleetdesk could not write its record of when it saw assignments (${(err as Error).message}); the timeline may miss recent changes.`);
    }
  }

  private write(connectionId: string, lines: HistoryLine[]): void {
    if (!lines.length) return;
    const c = this.conn(connectionId);
    for (const l of lines) c.add(l);
    this.appendRaw(connectionId, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  /** True once a sync of this connection has been recorded. */
  hasHistory(connectionId: string): boolean {
    return this.conn(connectionId).synced;
  }

  /**
   * A finished sync: each pair it shows that was not open starts now, each
   * open pair it no longer shows ends now. `asked` limits the ends to the
   * "who" values the sync actually looked at (Telemetron queries customer by
   * customer), so a customer left out of a sync ends nothing.
   */
  recordSync(connectionId: string, at: string, current: ReadonlyArray<{ device: string; who: string }>, asked: ReadonlySet<string> | null = null): void {
    const c = this.conn(connectionId);
    const first = !c.synced;
    const lines: HistoryLine[] = first ? [{ at, event: 'first-sync' }] : [];
    const now = new Map<string, Set<string>>();
    for (const { device, who } of current) {
      if (!who) continue;
      let set = now.get(device);
      if (!set) now.set(device, (set = new Set()));
      set.add(who);
      if (!c.isOpen(device, who)) lines.push({ at, device, who, event: 'start', by: 'sync', ...(first ? { before: true as const } : {}) });
    }
    for (const [device, open] of c.open) {
      for (const who of open.keys()) {
        if (now.get(device)?.has(who)) continue;
        if (asked && !asked.has(who)) continue;
        lines.push({ at, device, who, event: 'end', by: 'sync' });
      }
    }
    this.write(connectionId, lines);
  }

  /** Changes fleetdesk applied: pairs it made start, pairs it ended end (what is already so is left alone). */
  recordApplied(connectionId: string, at: string, changes: readonly AppliedChange[]): void {
    const c = this.conn(connectionId);
    const lines: HistoryLine[] = [];
    const openNow = new Map<string, boolean>();
    for (const ch of changes) {
      const pair = `${ch.device}\u0000${ch.who}`;
      const open = openNow.get(pair) ?? c.isOpen(ch.device, ch.who);
      if ((ch.event === 'start') === open) continue;
      openNow.set(pair, ch.event === 'start');
      lines.push({ at, device: ch.device, who: ch.who, event: ch.event, by: 'fleetdesk', runId: ch.runId });
    }
    this.write(connectionId, lines);
  }

  /** Every span of one device at this connection, oldest first; open spans have no end. */
  spans(connectionId: string, device: string): ObservedSpan[] {
    const out: ObservedSpan[] = [];
    const open = new Map<string, ObservedSpan>();
    for (const l of this.conn(connectionId).byDevice.get(device) ?? []) {
      if (l.event === 'start') {
        const span: ObservedSpan = { who: l.who, start: l.at, end: null, startBy: l.by, endBy: null, before: l.before === true };
        open.set(l.who, span);
        out.push(span);
      } else {
        const span = open.get(l.who);
        if (span) {
          span.end = l.at;
          span.endBy = l.by;
          open.delete(l.who);
        }
      }
    }
    return out;
  }

  /** Every "who" this connection's history knows (for Telemetron: customers to keep querying, since it has no customer list). */
  knownWho(connectionId: string): string[] {
    return [...this.conn(connectionId).seenWho];
  }
}
