import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Shared plumbing for the vendor simulators: a loopback HTTP server, request
 * parsing and fault injection. Each vendor's simulator supplies only its own
 * routes, auth and error bodies, so the faults behave the same everywhere.
 */

export interface Faults {
  /** Added to every answer, ms. */
  latencyMs?: number;
  /** Fraction (0..1) of requests answered with that status instead of the real answer. */
  rate429?: number;
  rate500?: number;
  rate503?: number;
  /** Fraction of 2xx JSON answers whose body is cut short (malformed JSON). */
  malformedRate?: number;
  /** Fraction of requests whose connection is dropped without an answer. */
  dropRate?: number;
  /** Requests per second allowed before answering 429 with Retry-After. 0 = unlimited. */
  rps?: number;
}

export interface SimRequest {
  method: string;
  path: string;
  /** The path exactly as sent (still percent-encoded), for vendors whose names may contain '/' or ','. */
  rawPath: string;
  query: URLSearchParams;
  /** The query string exactly as sent (without '?'), for signature checks. */
  rawQuery: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface SimResponse {
  status: number;
  /** An object or string is sent as JSON; use `raw` to send text as-is. */
  json?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export interface SimServerOptions {
  handle: (req: SimRequest) => SimResponse | Promise<SimResponse>;
  /** The vendor's error body for a status and message (e.g. `{error}` or AlgoSec's shape). */
  errorBody: (status: number, message: string) => SimResponse;
  faults?: Faults;
  port?: number;
  /** Deterministic randomness for faults. */
  random?: () => number;
}

export interface SimServer {
  url: string;
  port: number;
  /** Replace the active faults (tests switch them on and off mid-run). */
  setFaults(faults: Faults): void;
  /** Count of requests received, by `METHOD path`. */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  let faults: Faults = { ...options.faults };
  const random = options.random ?? Math.random;
  const requests = new Map<string, number>();
  let windowStart = 0;
  let windowCount = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const rawUrl = req.url ?? '/';
        const q = rawUrl.indexOf('?');
        const simReq: SimRequest = {
          method: req.method ?? 'GET',
          path: decodeURIComponentSafe(q >= 0 ? rawUrl.slice(0, q) : rawUrl),
          rawPath: q >= 0 ? rawUrl.slice(0, q) : rawUrl,
          rawQuery: q >= 0 ? rawUrl.slice(q + 1) : '',
          query: new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : ''),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const key = `${simReq.method} ${simReq.path}`;
        requests.set(key, (requests.get(key) ?? 0) + 1);

        if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
        if (faults.dropRate && random() < faults.dropRate) return req.socket.destroy();

        let out: SimResponse;
        const now = Date.now();
        if (now - windowStart >= 1000) {
          windowStart = now;
          windowCount = 0;
        }
        windowCount += 1;
        if (faults.rps && windowCount > faults.rps) {
          out = withHeader(options.errorBody(429, 'Too Many Requests'), 'retry-after', '1');
        } else if (faults.rate429 && random() < faults.rate429) {
          out = withHeader(options.errorBody(429, 'Too Many Requests'), 'retry-after', '1');
        } else if (faults.rate500 && random() < faults.rate500) {
          out = options.errorBody(500, 'Internal Server Error');
        } else if (faults.rate503 && random() < faults.rate503) {
          out = withHeader(options.errorBody(503, 'Service Unavailable'), 'retry-after', '1');
        } else {
          try {
            out = await options.handle(simReq);
          } catch (err) {
            out = options.errorBody(500, err instanceof Error ? err.message : 'Internal Server Error');
          }
        }

        let body = out.raw ?? (out.json === undefined ? '' : JSON.stringify(out.json));
        if (out.status < 300 && out.raw === undefined && body.length > 2 && faults.malformedRate && random() < faults.malformedRate) {
          body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
        }
        res.writeHead(out.status, {
          'content-type': out.raw !== undefined ? 'text/html; charset=utf-8' : 'application/json; charset=UTF-8',
          ...out.headers,
        });
        res.end(body);
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setFaults(next) {
      faults = { ...next };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withHeader(res: SimResponse, name: string, value: string): SimResponse {
  return { ...res, headers: { ...res.headers, [name]: value } };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Reads a JSON request body, or null when it is not JSON. */
export function readJson(req: SimRequest): unknown {
  try {
    return JSON.parse(req.body);
  } catch {
    return null;
  }
}
