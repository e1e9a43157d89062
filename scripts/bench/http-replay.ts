import http from 'node:http';
import { signAbsoluteRequest } from '../../electron/vendors/absolute/sign';

/**
 * What the sync benchmark uses to measure the simulators alone: the HTTP
 * requests a client really sent are recorded (observed, not changed), then
 * sent again with plain node:http — no rate limit, no parsing, no client
 * code — to see how fast the simulators can answer the very same pages.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Records every request made through node:http until `stop()`, by URL origin. */
export function recordRequests(): { byOrigin: Map<string, RecordedRequest[]>; stop(): void } {
  const byOrigin = new Map<string, RecordedRequest[]>();
  const original = http.request;
  const recording = ((url: string | URL, options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void) => {
    const req = original(url, options, callback);
    const u = new URL(String(url));
    const entry: RecordedRequest = { method: options.method ?? 'GET', url: u.href, headers: { ...(options.headers as Record<string, string>) }, body: '' };
    const end = req.end.bind(req);
    req.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) entry.body = chunk.toString();
      return (end as (...a: unknown[]) => http.ClientRequest)(chunk, ...rest);
    }) as typeof req.end;
    let list = byOrigin.get(u.origin);
    if (!list) byOrigin.set(u.origin, (list = []));
    list.push(entry);
    return req;
  }) as unknown as typeof http.request;
  http.request = recording;
  return {
    byOrigin,
    stop: () => {
      http.request = original;
    },
  };
}

export interface ReplayResult {
  ms: number;
  requests: number;
  /** Answers that were not 2xx (a replay that fails is no measure). */
  failed: number;
}

/**
 * Sends the recorded requests again, `inFlight` at a time (reads in
 * parallel; a write, such as a sign-in, alone and in order). A session
 * cookie set by a replayed sign-in replaces the recorded one; Absolute
 * requests are signed again (its servers refuse signatures older than
 * five minutes).
 */
export async function replay(requests: readonly RecordedRequest[], o: { inFlight: number; absolute?: { region: string; tokenId: string; tokenSecret: string } }): Promise<ReplayResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.inFlight });
  const cookies = new Map<string, string>();
  let failed = 0;
  const send = (r: RecordedRequest) =>
    new Promise<void>((resolve, reject) => {
      const headers = { ...r.headers };
      if (headers.cookie && cookies.size) headers.cookie = headers.cookie.replace(/([^=;\s]+)=([^;]*)/g, (all, name: string) => (cookies.has(name) ? `${name}=${cookies.get(name)}` : all));
      if (o.absolute && headers['x-abs-date']) {
        const u = new URL(r.url);
        Object.assign(headers, signAbsoluteRequest({ method: r.method, host: u.host, path: u.pathname, query: Object.fromEntries(u.searchParams), contentType: headers['content-type'] ?? '', body: r.body, date: new Date(), region: o.absolute.region as never, tokenId: o.absolute.tokenId, tokenSecret: o.absolute.tokenSecret }));
      }
      const req = http.request(r.url, { method: r.method, headers, agent }, (res) => {
        if ((res.statusCode ?? 0) >= 300) failed++;
        for (const c of res.headers['set-cookie'] ?? []) {
          const m = /^([^=;\s]+)=([^;]*)/.exec(c);
          if (m) cookies.set(m[1]!, m[2]!);
        }
        res.on('data', () => {});
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(r.body || undefined);
    });
  const t0 = performance.now();
  let running = new Set<Promise<void>>();
  for (const r of requests) {
    if (r.method !== 'GET') {
      await Promise.all(running);
      running = new Set();
      await send(r);
      continue;
    }
    const p = send(r).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= o.inFlight) await Promise.race(running);
  }
  await Promise.all(running);
  const ms = performance.now() - t0;
  agent.destroy();
  return { ms, requests: requests.length, failed };
}
