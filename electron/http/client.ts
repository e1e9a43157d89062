import type { z } from 'zod';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { FleetError, appError, type AppError, type ErrorKind } from '../../shared/errors';
import { VENDOR_LABELS } from '../../shared/vendors';
import { excerpt, redact } from './redact';
import { Semaphore, TokenBucket } from './rate-limit';
import { abortableSleep, backoffMs, retryAfterMs } from './retry';
import type { HttpClientOptions, HttpRequest, HttpResponse } from './types';
import { reportWait } from './wait-reports';

const STATUS_KIND: Record<number, ErrorKind> = {
  400: 'bad-request',
  401: 'auth',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  423: 'locked',
  429: 'rate-limited',
};

/** Statuses worth waiting out and sending again, even for writes: the vendor did not act. */
const RETRY_STATUSES = new Set([423, 429, 503]);

/**
 * The one HTTP client every vendor uses: rate limit, concurrency cap,
 * timeouts, retries with backoff and Retry-After, and typed, secret-free errors.
 */
export class HttpClient {
  private readonly opts: Required<Omit<HttpClientOptions, 'readVendorError' | 'pinnedCertSha256'>> & Pick<HttpClientOptions, 'readVendorError' | 'pinnedCertSha256'>;
  private readonly bucket: TokenBucket;
  private readonly slots: Semaphore;
  /**
   * A pinned connection keeps its own sockets: the shared agent would hand it
   * sockets other clients opened with verification off, and resumed TLS
   * sessions carry no peer certificate to check the pin against.
   */
  private readonly pinnedAgent: https.Agent | undefined;

  constructor(options: HttpClientOptions) {
    this.opts = {
      ratePerSecond: 20,
      burst: 20,
      maxConcurrent: 6,
      connectTimeoutMs: 10_000,
      timeoutMs: 30_000,
      maxRetries: 4,
      backoffBaseMs: 250,
      maxBackoffMs: 30_000,
      secrets: () => [],
      sleep: abortableSleep,
      ...options,
    };
    this.bucket = new TokenBucket(this.opts.ratePerSecond, this.opts.burst);
    this.slots = new Semaphore(this.opts.maxConcurrent);
    this.pinnedAgent = this.opts.pinnedCertSha256 ? new https.Agent({ keepAlive: true, maxCachedSessions: 0 }) : undefined;
  }

  get vendor() {
    return this.opts.vendor;
  }

  /** Sends a request; resolves with a 2xx response, throws FleetError otherwise. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      await this.bucket.take(this.opts.sleep, req.signal);
      const release = await this.slots.acquire();
      let outcome: { res: HttpResponse } | { error: AppError };
      try {
        outcome = { res: await this.transport(req) };
      } catch (err) {
        if (err instanceof FleetError) outcome = { error: err.detail };
        else throw err;
      } finally {
        release();
      }

      if ('res' in outcome && outcome.res.status >= 200 && outcome.res.status < 300) return outcome.res;

      const error = 'res' in outcome ? this.statusError(outcome.res) : outcome.error;
      const status = 'res' in outcome ? outcome.res.status : null;
      const canRetry =
        attempt < this.opts.maxRetries &&
        error.retryable &&
        (req.idempotent || (status !== null && RETRY_STATUSES.has(status)) || (status === null && !error.outcomeUnknown));
      if (!canRetry) throw new FleetError(error);

      const hinted = 'res' in outcome ? retryAfterMs(outcome.res.headers['retry-after']) : null;
      const waitMs = Math.min(this.opts.maxBackoffMs, hinted ?? backoffMs(attempt, this.opts.backoffBaseMs, this.opts.maxBackoffMs));
      reportWait({ vendor: this.opts.vendor, status, waitMs, attempt: attempt + 1 });
      await this.opts.sleep(waitMs, req.signal);
    }
  }

  /** Parses a JSON body, or throws a `bad-response` error with a short excerpt. Never guesses. */
  parseJson(res: HttpResponse, what: string): unknown {
    try {
      return JSON.parse(res.text);
    } catch {
      throw new FleetError(
        appError('bad-response', `${this.label} sent ${what} that is not valid JSON: "${excerpt(res.text, this.secrets())}"`, {
          vendor: this.opts.vendor,
          status: res.status,
          retryable: false,
        }),
      );
    }
  }

  /** Parses a JSON body and checks it against the documented shape; `bad-response` otherwise. */
  parseAs<T extends z.ZodType>(res: HttpResponse, schema: T, what: string, unwrap: (body: unknown) => unknown = (b) => b): z.infer<T> {
    const parsed = schema.safeParse(unwrap(this.parseJson(res, what)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.shapeError(what, res, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unknown shape');
    }
    return parsed.data;
  }

  /** An error for a body that parsed but does not have the documented shape. */
  shapeError(what: string, res: HttpResponse, detail: string): FleetError {
    return new FleetError(
      appError('bad-response', `${this.label} sent ${what} in an unexpected shape (${redact(detail, this.secrets())}).`, {
        vendor: this.opts.vendor,
        status: res.status,
      }),
    );
  }

  private get label() {
    return VENDOR_LABELS[this.opts.vendor];
  }

  private secrets() {
    return this.opts.secrets();
  }

  private statusError(res: HttpResponse): AppError {
    const vendorInfo = this.opts.readVendorError?.(res.status, res.text, res.headers) ?? null;
    const kind: ErrorKind = vendorInfo?.kind ?? STATUS_KIND[res.status] ?? (res.status >= 500 ? 'server' : 'bad-request');
    const vendorMessage = vendorInfo?.vendorMessage ? redact(vendorInfo.vendorMessage, this.secrets()) : undefined;
    const retryable = RETRY_STATUSES.has(res.status) || res.status >= 500;
    const what = MESSAGES[kind] ?? `answered HTTP ${res.status}`;
    const message = `${this.label} ${what}${vendorMessage ? `: ${vendorMessage}` : ` (HTTP ${res.status})`}`;
    return appError(kind, message, { vendor: this.opts.vendor, status: res.status, retryable, vendorMessage });
  }

  private transport(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.url);
    const isHttps = url.protocol === 'https:';
    const lib = isHttps ? https : http;
    const body = req.body ?? '';
    const vendor = this.opts.vendor;
    const label = this.label;
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs;
    const pinned = this.opts.pinnedCertSha256?.replace(/:/g, '').toUpperCase();

    return new Promise<HttpResponse>((resolve, reject) => {
      let sent = false;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        req.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const failWith = (kind: ErrorKind, message: string, retryable: boolean) =>
        finish(() =>
          reject(new FleetError(appError(kind, message, { vendor, retryable, outcomeUnknown: sent && !req.idempotent ? true : undefined }))),
        );

      const r = lib.request(
        url,
        {
          method: req.method,
          headers: { ...req.headers, ...(body ? { 'content-length': Buffer.byteLength(body).toString() } : {}) },
          // Pinned appliances: the chain is not trusted, the exact certificate is (checked below).
          ...(isHttps && pinned ? { rejectUnauthorized: false, agent: this.pinnedAgent } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
            finish(() => resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') }));
          });
          res.on('error', () => failWith('network', `The connection to ${label} broke while reading its answer.`, true));
        },
      );

      const connectTimer = setTimeout(() => {
        r.destroy();
        failWith('timeout', `${label} did not accept a connection within ${Math.round(this.opts.connectTimeoutMs / 1000)} s.`, true);
      }, this.opts.connectTimeoutMs);
      const totalTimer = setTimeout(() => {
        r.destroy();
        failWith(
          'timeout',
          sent && !req.idempotent
            ? `${label} did not answer within ${Math.round(timeoutMs / 1000)} s; the change may or may not have been made.`
            : `${label} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          true,
        );
      }, timeoutMs);
      const onAbort = () => {
        r.destroy();
        finish(() => reject(new FleetError(appError('cancelled', 'The request was cancelled.', { vendor, outcomeUnknown: sent && !req.idempotent ? true : undefined }))));
      };
      req.signal?.addEventListener('abort', onAbort, { once: true });

      r.on('socket', (socket) => {
        const connected = () => clearTimeout(connectTimer);
        const checkPin = () => {
          if (!pinned) return;
          const cert = (socket as TLSSocket).getPeerCertificate();
          const got = (cert?.fingerprint256 ?? '').replace(/:/g, '').toUpperCase();
          if (got !== pinned) {
            r.destroy();
            failWith('tls', `${label}'s TLS certificate does not match the one you trusted for this connection.`, false);
          }
        };
        if (isHttps && r.reusedSocket) {
          // A keep-alive socket from the pool never emits secureConnect again:
          // check the pin here too, before the request goes out.
          connected();
          checkPin();
        } else if (isHttps) {
          socket.once('secureConnect', () => {
            connected();
            checkPin();
          });
        } else if (r.reusedSocket || !socket.connecting) {
          // A pooled socket is already connected: 'connect' would never fire (and its listener would leak).
          connected();
        } else socket.once('connect', connected);
      });
      r.on('finish', () => {
        sent = true;
      });
      r.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? '';
        if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) || /certificate/i.test(err.message)) {
          failWith('tls', `${label}'s TLS certificate is not trusted (${code || 'certificate error'}).`, false);
        } else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
          failWith('network', `${label} is unreachable at ${url.host} (${code}).`, true);
        } else {
          failWith(
            'network',
            sent && !req.idempotent
              ? `The connection to ${label} dropped after the request was sent; the change may or may not have been made.`
              : `The connection to ${label} dropped (${code || 'socket closed'}).`,
            true,
          );
        }
      });
      // Only now that every listener is attached: destroying a request without an 'error' listener crashes the process.
      if (req.signal?.aborted) return onAbort();
      r.end(body);
    });
  }
}

const MESSAGES: Partial<Record<ErrorKind, string>> = {
  auth: 'refused the credentials',
  'clock-skew': "refused the request because this computer's clock is off",
  forbidden: 'says this account lacks the permission for that',
  'not-found': 'could not find it',
  conflict: 'reports a conflict',
  locked: 'is busy with another operation (locked)',
  'rate-limited': 'asks to slow down (too many requests)',
  server: 'had an internal error',
  'bad-request': 'rejected the request',
};
