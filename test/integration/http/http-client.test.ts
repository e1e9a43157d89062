import http from 'node:http';
import { failure } from '../../helpers/failure';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../electron/http/client';
import { TokenBucket } from '../../../electron/http/rate-limit';
import { backoffMs, retryAfterMs } from '../../../electron/http/retry';
import type { HttpClientOptions } from '../../../electron/http/types';

/**
 * The one HTTP layer every vendor client uses, against a real local server
 * whose behaviour each test scripts: what a technician relies on is that a
 * change is never sent twice by accident, and that waits are the vendor's.
 */
type Reply = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;
let server: http.Server | null = null;

async function serve(reply: Reply): Promise<{ url: string; count: () => number; maxInFlight: () => number }> {
  let n = 0;
  let inFlight = 0;
  let max = 0;
  server = http.createServer((req, res) => {
    n += 1;
    inFlight += 1;
    max = Math.max(max, inFlight);
    res.on('close', () => (inFlight -= 1));
    req.resume();
    req.on('end', () => reply(req, res, n));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => n, maxInFlight: () => max };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

/** Waits are recorded instead of slept, so tests are fast and see exactly what the client decided. */
function client(o: Partial<HttpClientOptions> = {}) {
  const waits: number[] = [];
  const c = new HttpClient({
    vendor: 'telemetron',
    maxRetries: 3,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...o,
  });
  return { c, waits };
}


describe('HTTP layer', () => {
  it('sends a write exactly once when its answer never comes, and says the change may or may not have been made', async () => {
    const s = await serve(() => {}); // accepts, never answers
    const { c } = client({ timeoutMs: 300 });
    const err = await failure(c.send({ method: 'POST', url: `${s.url}/assign`, body: '{}', idempotent: false }));
    expect(err.kind).toBe('timeout');
    expect(err.outcomeUnknown).toBe(true);
    expect(err.message).toMatch(/may or may not have been made/);
    expect(s.count()).toBe(1);
  });

  it('retries a read that timed out, and answers from the second try', async () => {
    const s = await serve((_q, res, n) => {
      if (n > 1) res.end('{"ok":true}');
    });
    const { c } = client({ timeoutMs: 300 });
    const res = await c.send({ method: 'GET', url: `${s.url}/list`, idempotent: true });
    expect(res.text).toBe('{"ok":true}');
    expect(s.count()).toBe(2);
  });

  it('waits as long as Retry-After says, in seconds or as an HTTP date', async () => {
    const inFive = new Date(Date.now() + 5_000).toUTCString();
    const s = await serve((_q, res, n) => {
      if (n === 1) res.writeHead(429, { 'retry-after': '2' }).end('{"error":"slow down"}');
      else if (n === 2) res.writeHead(503, { 'retry-after': inFive }).end('{"error":"maintenance"}');
      else res.end('"done"');
    });
    const { c, waits } = client();
    await c.send({ method: 'POST', url: `${s.url}/write`, body: '{}', idempotent: false });
    expect(s.count()).toBe(3);
    expect(waits[0]).toBe(2_000);
    // An HTTP date has whole seconds: the wait is what is left of those five seconds.
    expect(waits[1]).toBeGreaterThan(3_000);
    expect(waits[1]).toBeLessThanOrEqual(5_000);
  });

  it('does not re-send a write the vendor failed with 500, but re-sends a read', async () => {
    const s = await serve((_q, res) => res.writeHead(500).end('{"error":"boom"}'));
    const { c } = client();
    const write = await failure(c.send({ method: 'POST', url: `${s.url}/w`, body: '{}', idempotent: false }));
    expect(write.kind).toBe('server');
    expect(s.count()).toBe(1);
    await failure(c.send({ method: 'GET', url: `${s.url}/r`, idempotent: true }));
    expect(s.count()).toBe(1 + 4); // first try + maxRetries
  });

  it('never has more requests in flight than its cap', async () => {
    const s = await serve((_q, res) => setTimeout(() => res.end('{}'), 40));
    const { c } = client({ maxConcurrent: 3, ratePerSecond: 1000, burst: 1000 });
    await Promise.all(Array.from({ length: 20 }, () => c.send({ method: 'GET', url: `${s.url}/x`, idempotent: true })));
    expect(s.count()).toBe(20);
    expect(s.maxInFlight()).toBe(3);
  });

  it('stops at once when cancelled, as "cancelled", not as a failure to retry', async () => {
    const s = await serve(() => {});
    const { c } = client();
    const controller = new AbortController();
    const pending = failure(c.send({ method: 'GET', url: `${s.url}/slow`, idempotent: true, signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect((await pending).kind).toBe('cancelled');
    expect(s.count()).toBe(1);
  });

  it('names the host when nothing listens there', async () => {
    const s = await serve(() => {});
    const url = s.url;
    server!.close();
    server = null;
    const { c } = client({ maxRetries: 0 });
    const err = await failure(c.send({ method: 'GET', url: `${url}/x`, idempotent: true }));
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`unreachable at ${new URL(url).host}`);
  });

  it('keeps secrets out of error messages, even when the vendor echoes them back', async () => {
    const s = await serve((_q, res) => res.writeHead(401).end('{"error":"bad key sk-live-0123456789 for Authorization: Bearer abc.def"}'));
    const { c } = client({ secrets: () => ['sk-live-0123456789'], readVendorError: (_s, body) => ({ vendorMessage: (JSON.parse(body) as { error: string }).error }) });
    const err = await failure(c.send({ method: 'GET', url: `${s.url}/x`, idempotent: true }));
    expect(err.kind).toBe('auth');
    expect(JSON.stringify(err)).not.toContain('sk-live-0123456789');
    expect(JSON.stringify(err)).not.toContain('abc.def');
  });
});

describe('rate limit and backoff', () => {
  it('never grants more than the burst plus the sustained rate over any stretch of time', async () => {
    let now = 0;
    const bucket = new TokenBucket(20, 20, () => now);
    let granted = 0;
    // Ten simulated seconds of a job that asks as fast as it can.
    const sleep = async (ms: number) => {
      now += ms;
    };
    while (now < 10_000) {
      await bucket.take(sleep);
      granted += 1;
    }
    expect(granted).toBeLessThanOrEqual(20 + 20 * 10 + 1);
    expect(granted).toBeGreaterThanOrEqual(20 * 10);
  });

  it('backs off exponentially with jitter, capped', () => {
    const low = () => 0;
    const high = () => 1;
    expect(backoffMs(0, 250, 30_000, low)).toBe(125);
    expect(backoffMs(0, 250, 30_000, high)).toBe(250);
    expect(backoffMs(3, 250, 30_000, high)).toBe(2_000);
    expect(backoffMs(20, 250, 30_000, high)).toBe(30_000);
  });

  it('reads Retry-After in seconds, as an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
