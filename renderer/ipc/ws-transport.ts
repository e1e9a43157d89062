import type { WireReply } from '../../shared/ipc/wire';
import type { Result } from '../../shared/errors';

export type ConnectionState = 'connecting' | 'open' | 'lost';

/** How long a call may wait for the service (including while reconnecting) before it fails. */
export const CALL_TIMEOUT_MS = 60_000;

interface Pending {
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Bookkeeping of calls in flight, separate from the socket so it can be tested
 * without one: ids, replies routed to their caller, timeouts as values.
 */
export class PendingCalls {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeoutMs = CALL_TIMEOUT_MS) {}

  open(resolve: (result: Result<unknown>) => void): number {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.pending.delete(id);
      resolve({
        ok: false,
        error: { kind: 'network', message: "fleetdesk's background service did not answer in time.", retryable: true },
      });
    }, this.timeoutMs);
    this.pending.set(id, { resolve, timer });
    return id;
  }

  /** Routes a reply frame; returns false for ids nobody waits for (late or foreign replies). */
  settle(id: number, result: unknown): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    clearTimeout(p.timer);
    this.pending.delete(id);
    p.resolve(result as Result<unknown>);
    return true;
  }

  get size(): number {
    return this.pending.size;
  }
}

/** Parses one frame from the host; anything that is not a reply or an event is dropped. */
export function parseFrame(text: string): WireReply | null {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof frame !== 'object' || frame === null) return null;
  const f = frame as Record<string, unknown>;
  if (typeof f.id === 'number' && 'result' in f) return { id: f.id, result: f.result };
  if (typeof f.event === 'string') return { event: f.event, payload: f.payload };
  return null;
}

/**
 * The browser host's WebSocket: calls wait while disconnected, the socket is
 * reopened with backoff, and the connection state is reported so the UI can
 * say when the background service is gone.
 */
export class WsTransport {
  private socket: WebSocket | null = null;
  private readonly calls = new PendingCalls();
  private queue: string[] = [];
  private retryMs = 250;
  private state: ConnectionState = 'connecting';
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private readonly eventListeners = new Set<(event: string, payload: unknown) => void>();

  constructor(private readonly url: string) {
    this.connect();
  }

  private setState(next: ConnectionState) {
    if (next === this.state) return;
    this.state = next;
    for (const l of this.stateListeners) l(next);
  }

  private connect() {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 250;
      this.setState('open');
      for (const frame of this.queue) socket.send(frame);
      this.queue = [];
    };
    socket.onmessage = (e) => {
      const frame = parseFrame(String(e.data));
      if (!frame) return;
      if ('id' in frame) this.calls.settle(frame.id, frame.result);
      else for (const l of this.eventListeners) l(frame.event, frame.payload);
    };
    socket.onclose = () => {
      this.socket = null;
      this.setState('lost');
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5_000);
    };
  }

  call(channel: string, request: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const id = this.calls.open(resolve);
      const frame = JSON.stringify({ id, channel, request });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
      else this.queue.push(frame);
    });
  }

  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }
}
