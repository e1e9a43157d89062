import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WireCallSchema, IPC_PATH, type WireReply } from '../../shared/ipc/wire';
import { EVENTS, type EventName, type EventPayload } from '../../shared/ipc/events';
import { appError, fail } from '../../shared/errors';
import { dispatch } from './dispatch';
import type { Handlers } from './handler-types';
import { readStatic } from './static-files';

/** The same CSP the Electron shell enforces: nothing but our own scripts, our own socket. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface BrowserHostOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  staticRoot: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface BrowserHost {
  /** The URL to open, with the token in the fragment (never sent to the server in page requests). */
  url: string;
  port: number;
  token: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the IPC contract on 127.0.0.1 for machines without
 * Electron. Only a page from this very origin holding the per-launch token can
 * call services: wrong Host headers (DNS rebinding), foreign Origins and
 * missing or wrong tokens are refused before any handler runs.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('fleetdesk: refused (unexpected Host header).');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      const file = await readStatic(options.staticRoot, req.url ?? '/');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': contentSecurityPolicy(port),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, why: string) => {
      log(`[host] refused socket: ${why}`);
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}`);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== IPC_PATH) return refuse(404, 'unknown path');
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(403, 'unexpected Host header');
    if (!allowedOrigins().has(req.headers.origin ?? '')) return refuse(403, 'foreign Origin');
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuse(401, 'missing or wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => void onFrame(ws, isBinary ? null : data.toString()));
    });
  });

  async function onFrame(ws: WebSocket, text: string | null) {
    let frame: unknown;
    try {
      frame = text === null ? null : JSON.parse(text);
    } catch {
      frame = null;
    }
    const call = WireCallSchema.safeParse(frame);
    if (!call.success) {
      const id = typeof (frame as { id?: unknown })?.id === 'number' ? (frame as { id: number }).id : -1;
      send(ws, { id, result: fail(appError('invalid-payload', 'The message to fleetdesk was not a valid call.')) });
      return;
    }
    const result = await dispatch(options.handlers, call.data.channel, call.data.request, log);
    send(ws, { id: call.data.id, result });
  }

  function send(ws: WebSocket, reply: WireReply) {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    emit(event, payload) {
      // Validate our own events too: a malformed push would be dropped by the renderer anyway.
      const checked = EVENTS[event].safeParse(payload);
      if (!checked.success) {
        log(`[host] dropped malformed ${event} event`);
        return;
      }
      for (const ws of sockets) send(ws, { event, payload: checked.data });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
