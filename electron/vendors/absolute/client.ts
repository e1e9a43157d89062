import { FleetError, appError } from '../../../shared/errors';
import type { AbsoluteDevice } from '../../../shared/model';
import { ABSOLUTE_HOSTS, type AbsoluteRegion } from '../../../shared/vendors';
import { HttpClient } from '../../http/client';
import type { HttpClientOptions, HttpMethod, HttpResponse } from '../../http/types';
import { absoluteErrorReader } from './errors';
import { PAGE_MAX, RATE_PER_SECOND, UNENROLL_BATCH_MAX } from './inferred';
import { canonicalQuery, signAbsoluteRequest } from './sign';
import { UnenrollResponseSchema, WireDeviceListSchema, type UnenrollResult } from './wire';

export type { UnenrollResult } from './wire';

export interface AbsoluteCredentials {
  region: AbsoluteRegion;
  tokenId: string;
  tokenSecret: string;
  /** Override of https://<region host>, e.g. a simulator at http://127.0.0.1:PORT. */
  baseUrl?: string;
}

const DEVICES_PATH = '/v2/reporting/devices';
const UNENROLL_PATH = '/v2/device-unenrollment/unenroll';
/** getDevices asks for this many uids per `$filter` (keeps URLs short). */
const FILTER_CHUNK = 40;

/**
 * Absolute Secure Endpoint API v2: the device list (paged with $top/$skip)
 * and bulk unenroll, every request signed with ABS1-HMAC-SHA-256 and sent
 * through the shared HTTP layer at about 20 requests per second.
 */
export class AbsoluteClient {
  private readonly http: HttpClient;
  private readonly base: URL;
  private readonly now: () => Date;

  constructor(
    private readonly creds: AbsoluteCredentials,
    options: { http?: Partial<HttpClientOptions>; now?: () => Date } = {},
  ) {
    this.base = new URL(creds.baseUrl ?? `https://${ABSOLUTE_HOSTS[creds.region]}`);
    this.now = options.now ?? (() => new Date());
    const extraSecrets = options.http?.secrets;
    this.http = new HttpClient({
      ratePerSecond: RATE_PER_SECOND,
      burst: RATE_PER_SECOND,
      readVendorError: absoluteErrorReader(() => this.now().getTime()),
      ...options.http,
      vendor: 'absolute',
      secrets: () => [creds.tokenSecret, ...(extraSecrets?.() ?? [])],
    });
  }

  /** One cheap signed call: proves the clock, the token and the region. */
  async testConnection(signal?: AbortSignal): Promise<void> {
    await this.page({ $top: '1' }, signal);
  }

  /**
   * Every device, page by page until a short page. `onPage` sees each page
   * with its `$skip`, so a failed sync can resume from the page that failed.
   */
  async listDevices(o: { filter?: string; pageSize?: number; startSkip?: number; signal?: AbortSignal; onPage?: (page: AbsoluteDevice[], info: { skip: number; pageIndex: number }) => void } = {}): Promise<AbsoluteDevice[]> {
    const size = Math.min(PAGE_MAX, Math.max(1, o.pageSize ?? PAGE_MAX));
    const all: AbsoluteDevice[] = [];
    for (let skip = o.startSkip ?? 0, pageIndex = 0; ; skip += size, pageIndex++) {
      const query: Record<string, string> = { $top: String(size), $skip: String(skip) };
      if (o.filter) query.$filter = o.filter;
      const page = await this.page(query, o.signal);
      all.push(...page);
      o.onPage?.(page, { skip, pageIndex });
      if (page.length < size) return all;
    }
  }

  /** The current state of these devices (for a fresh prediction or a conflict check). */
  async getDevices(deviceUids: string[], signal?: AbortSignal): Promise<AbsoluteDevice[]> {
    const out: AbsoluteDevice[] = [];
    for (let i = 0; i < deviceUids.length; i += FILTER_CHUNK) {
      const chunk = deviceUids.slice(i, i + FILTER_CHUNK);
      const filter = chunk.map((uid) => `id eq '${uid.replace(/'/g, "''")}'`).join(' or ');
      out.push(...(await this.listDevices({ filter, signal })));
    }
    return out;
  }

  /**
   * Unenrolls ONE batch of at most 100 devices. The answer is the truth per
   * device (eligibleStatus 0, 1 or 2). An answer that is not the documented
   * array is "outcome unknown": the request was sent, so it is never resent.
   */
  async unenroll(deviceUids: string[], signal?: AbortSignal): Promise<UnenrollResult[]> {
    if (deviceUids.length > UNENROLL_BATCH_MAX) {
      throw new FleetError(appError('bad-request', `fleetdesk sends at most ${UNENROLL_BATCH_MAX} devices per unenroll call (got ${deviceUids.length}).`, { vendor: 'absolute' }));
    }
    if (deviceUids.length === 0) return [];
    const res = await this.call('POST', UNENROLL_PATH, {}, JSON.stringify(deviceUids.map((deviceUid) => ({ deviceUid }))), false, signal);
    try {
      return this.http.parseAs(res, UnenrollResponseSchema, 'an unenroll answer');
    } catch (err) {
      if (err instanceof FleetError) {
        throw new FleetError({ ...err.detail, outcomeUnknown: true, message: `${err.detail.message} The request reached Absolute, so some devices may have been unenrolled; fleetdesk will not resend it.` });
      }
      throw err;
    }
  }

  private async page(query: Record<string, string>, signal?: AbortSignal): Promise<AbsoluteDevice[]> {
    const res = await this.call('GET', DEVICES_PATH, query, '', true, signal);
    return this.http.parseAs(res, WireDeviceListSchema, 'the device list').map(({ id, ...rest }) => ({ deviceUid: id, ...rest }));
  }


  private call(method: HttpMethod, path: string, query: Record<string, string>, body: string, idempotent: boolean, signal?: AbortSignal): Promise<HttpResponse> {
    const qs = canonicalQuery(query);
    const headers = signAbsoluteRequest({
      method,
      host: this.base.host,
      path,
      query,
      contentType: 'application/json',
      body,
      date: this.now(),
      region: this.creds.region,
      tokenId: this.creds.tokenId,
      tokenSecret: this.creds.tokenSecret,
    });
    return this.http.send({ method, url: `${this.base.origin}${path}${qs ? `?${qs}` : ''}`, headers: { ...headers, accept: 'application/json' }, body: body || undefined, idempotent, signal });
  }
}
