import type { VendorId } from '../../shared/vendors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL, query string already encoded the way the vendor signs it. */
  url: string;
  headers?: Record<string, string>;
  /** Serialized body ('' or undefined for none). */
  body?: string;
  /**
   * True when sending it twice is harmless (reads, idempotent writes). A
   * non-idempotent request whose outcome is unknown (timeout or dropped
   * connection after it was sent) is never retried blindly.
   */
  idempotent: boolean;
  signal?: AbortSignal;
  /** Overrides the client's total timeout for this request. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** What a vendor client tells the HTTP layer about its error bodies. */
export interface VendorErrorReader {
  /** Pulls the vendor's own message out of an error body, or null when the body has none. */
  (status: number, body: string, headers: Record<string, string>): { vendorMessage?: string; kind?: import('../../shared/errors').ErrorKind } | null;
}

export interface HttpClientOptions {
  vendor: VendorId;
  /** Token bucket: sustained requests per second and burst size, per account. */
  ratePerSecond?: number;
  burst?: number;
  /** At most this many requests in flight at once. */
  maxConcurrent?: number;
  /** Connect timeout and total timeout, in ms. */
  connectTimeoutMs?: number;
  timeoutMs?: number;
  /** Retries after the first attempt, for idempotent requests and 423/429/503. */
  maxRetries?: number;
  /** Base of the exponential backoff, ms. */
  backoffBaseMs?: number;
  /** Longest single wait (Retry-After or backoff), ms. */
  maxBackoffMs?: number;
  /** Current secret values, removed from every message and log line. */
  secrets?: () => string[];
  readVendorError?: VendorErrorReader;
  /** AlgoSec self-signed appliances: accept exactly this SHA-256 certificate fingerprint. */
  pinnedCertSha256?: string;
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}
