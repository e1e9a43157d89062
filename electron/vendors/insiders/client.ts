import type { z } from 'zod';
import { FleetError, appError } from '../../../shared/errors';
import type { InsidersDevice, OwnershipSpan } from '../../../shared/model';
import { HttpClient } from '../../http/client';
import type { HttpClientOptions, HttpMethod, HttpResponse } from '../../http/types';
import { InsidersAuth } from './auth';
import { readInsidersError } from './errors';
import { DEFAULT_BASE_URL, DEFAULT_TOKEN_URL, DEVICES_PATH, MAX_PAGE_SIZE, OWNERSHIPS_PATH, releasePath } from './inferred';
import {
  DeviceWireSchema,
  OwnershipWireSchema,
  drfPage,
  toOwnership,
  toSpan,
  type InsidersOwnership,
} from './wire';

export type { InsidersOwnership } from './wire';

export interface InsidersCredentials {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
  /** API base, default https://api.insiders.live (inferred) */
  baseUrl?: string;
  /** default https://account.insiders.live/oauth2/token/ */
  tokenUrl?: string;
}

export interface PageInfo {
  page: number;
  /** Total items the vendor reports for the whole list. */
  count: number;
  /** Items received so far in this listing. */
  received: number;
}

export interface FleetProgress {
  phase: 'devices' | 'ownerships';
  page: number;
  received: number;
  total: number | null;
}

export interface InsidersDeviceSummary {
  id: number;
  deviceName: string;
  serialNumber: string;
}

interface ListOptions {
  signal?: AbortSignal;
  startPage?: number;
  onPage?: (info: PageInfo) => void;
}

/**
 * Insiders (Intense devices) API client: devices and their ownership spans.
 * Every call goes through the shared HttpClient with a Bearer token from
 * InsidersAuth; a 401 renews the token once and retries the call once.
 */
export class InsidersClient {
  private readonly http: HttpClient;
  private readonly auth: InsidersAuth;
  private readonly baseUrl: string;

  constructor(creds: InsidersCredentials, options: { http?: Partial<HttpClientOptions>; now?: () => number } = {}) {
    this.baseUrl = (creds.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const extraSecrets = options.http?.secrets;
    this.http = new HttpClient({
      readVendorError: readInsidersError,
      ...options.http,
      vendor: 'insiders',
      secrets: () => [...this.auth.secrets(), ...(extraSecrets?.() ?? [])],
    });
    this.auth = new InsidersAuth(creds, this.http, creds.tokenUrl ?? DEFAULT_TOKEN_URL, options.now ?? Date.now);
  }

  /** Signs in and reads one device: proves the URL, client and user credentials all work. */
  async testConnection(signal?: AbortSignal): Promise<void> {
    await this.getPage(DEVICES_PATH, { current: 'true', page: '1', limit: '1' }, DeviceWireSchema, 'the device list', signal);
  }

  /** Devices the account owns now (`current=true`). */
  async listDevices(o: ListOptions = {}): Promise<InsidersDeviceSummary[]> {
    const rows = await this.collect(DEVICES_PATH, { current: 'true' }, DeviceWireSchema, 'a page of devices', o);
    return rows.map((d) => ({ id: d.id, deviceName: d.device_name, serialNumber: d.serial_number }));
  }

  /** Ownership spans, optionally of one device. */
  async listOwnerships(o: ListOptions & { device?: number } = {}): Promise<InsidersOwnership[]> {
    const filter: Record<string, string> = o.device === undefined ? {} : { device: String(o.device) };
    const rows = await this.collect(OWNERSHIPS_PATH, filter, OwnershipWireSchema, 'a page of device ownerships', o);
    return rows.map(toOwnership);
  }

  /**
   * Devices with their ownership spans (oldest first). Devices the account no
   * longer owns still appear when an ownership names them, so history stays visible.
   */
  async listFleet(o: { signal?: AbortSignal; onProgress?: (info: FleetProgress) => void } = {}): Promise<InsidersDevice[]> {
    return (await this.listFleetAndAccount(o)).devices;
  }

  /**
   * The fleet, plus the manager id of the signed-in account: the manager that
   * holds an open span on every device the account owns now (`current=true`).
   * Null when the account owns nothing now, or the spans do not say.
   */
  async listFleetAndAccount(o: { signal?: AbortSignal; onProgress?: (info: FleetProgress) => void } = {}): Promise<{ devices: InsidersDevice[]; managerId: number | null }> {
    const progress = (phase: FleetProgress['phase']) => (p: PageInfo) =>
      o.onProgress?.({ phase, page: p.page, received: p.received, total: p.count });
    const devices = await this.listDevices({ signal: o.signal, onPage: progress('devices') });
    const ownerships = await this.listOwnerships({ signal: o.signal, onPage: progress('ownerships') });

    const byId = new Map<number, InsidersDevice>();
    for (const d of devices) byId.set(d.id, { deviceId: d.id, deviceName: d.deviceName, serialNumber: d.serialNumber, ownerships: [] });
    const seenSpan = new Set<number>();
    for (const own of ownerships) {
      // Page-number paging can repeat a row if the list shifts between pages.
      if (seenSpan.has(own.id)) continue;
      seenSpan.add(own.id);
      let device = byId.get(own.deviceId);
      if (!device) {
        device = { deviceId: own.deviceId, deviceName: own.deviceName, serialNumber: own.serialNumber, ownerships: [] };
        byId.set(own.deviceId, device);
      }
      device.ownerships.push(toSpan(own));
    }
    for (const d of byId.values()) d.ownerships.sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.id - b.id));

    let candidates: number[] | null = null;
    for (const d of devices) {
      const open = byId.get(d.id)!.ownerships.filter((s) => s.endTime === null).map((s) => s.manager);
      candidates = candidates === null ? [...new Set(open)] : candidates.filter((m) => open.includes(m));
    }
    const managerId = candidates?.length === 1 ? candidates[0]! : null;
    return { devices: [...byId.values()], managerId };
  }

  /** The Insiders device id for a serial number, or null when the account cannot see such a device. */
  async deviceIdForSerial(serialNumber: string, signal?: AbortSignal): Promise<number | null> {
    const page = await this.getPage(DEVICES_PATH, { serial_number: serialNumber, page: '1', limit: '10' }, DeviceWireSchema, 'the device list', signal);
    return page.results.find((d) => d.serial_number === serialNumber)?.id ?? null;
  }

  /** Takes ownership (opens a span for this account; another manager's open span stays, so the device then has two owners). Owning it already is a `conflict`. */
  async takeOwnership(input: { serialNumber: string; deviceName: string }, signal?: AbortSignal): Promise<OwnershipSpan & { deviceId: number }> {
    const res = await this.call('POST', this.url(OWNERSHIPS_PATH), {
      body: JSON.stringify({ serial_number: input.serialNumber, device_name: input.deviceName }),
      idempotent: false,
      signal,
    });
    return this.ownershipResult(res, 'the new ownership');
  }

  /** Ends an ownership span now. */
  async releaseOwnership(ownershipId: number, signal?: AbortSignal): Promise<OwnershipSpan & { deviceId: number }> {
    // Releasing twice is refused by the vendor (already ended), never applied twice.
    const res = await this.call('POST', this.url(releasePath(ownershipId)), { body: '', idempotent: false, signal });
    return this.ownershipResult(res, 'the released ownership');
  }

  /** Every span of one device, any manager: the conflict check before taking or releasing. */
  async ownershipsOfDevice(deviceId: number, signal?: AbortSignal): Promise<OwnershipSpan[]> {
    return (await this.listOwnerships({ device: deviceId, signal })).map(toSpan);
  }

  private ownershipResult(res: HttpResponse, what: string): OwnershipSpan & { deviceId: number } {
    const parsed = OwnershipWireSchema.safeParse(this.http.parseJson(res, what));
    if (!parsed.success) throw this.http.shapeError(what, res, describeIssue(parsed.error));
    const own = toOwnership(parsed.data);
    return { ...toSpan(own), deviceId: own.deviceId };
  }

  private async collect<T extends z.ZodType>(
    path: string,
    filter: Record<string, string>,
    item: T,
    what: string,
    o: ListOptions,
  ): Promise<Array<z.infer<T>>> {
    const out: Array<z.infer<T>> = [];
    // Page numbers (not `next` URLs): a listing can resume from a page, and the
    // API host stays the one the user configured even behind a proxy.
    for (let page = Math.max(1, o.startPage ?? 1); ; page++) {
      const body = await this.getPage(path, { ...filter, page: String(page), limit: String(MAX_PAGE_SIZE) }, item, what, o.signal);
      for (const r of body.results) out.push(r);
      o.onPage?.({ page, count: body.count, received: out.length });
      if (body.next === null || body.results.length === 0) return out;
    }
  }

  private async getPage<T extends z.ZodType>(path: string, query: Record<string, string>, item: T, what: string, signal?: AbortSignal) {
    const res = await this.call('GET', this.url(path, query), { idempotent: true, signal });
    const parsed = drfPage(item).safeParse(this.http.parseJson(res, what));
    if (!parsed.success) throw this.http.shapeError(what, res, describeIssue(parsed.error));
    return parsed.data as { count: number; next: string | null; results: Array<z.infer<T>> };
  }

  private url(path: string, query?: Record<string, string>): string {
    const qs = query ? new URLSearchParams(query).toString() : '';
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  /** One API call with the Bearer token; on 401 renew once and retry once (the vendor did not act on a 401). */
  private async call(method: HttpMethod, url: string, o: { body?: string; idempotent: boolean; signal?: AbortSignal }): Promise<HttpResponse> {
    const send = (token: string) =>
      this.http.send({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(o.body ? { 'content-type': 'application/json' } : {}) },
        body: o.body,
        idempotent: o.idempotent,
        signal: o.signal,
      });
    const token = await this.auth.accessToken();
    try {
      return await send(token);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
    }
    const renewed = await this.auth.afterUnauthorized(token);
    try {
      return await send(renewed);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      throw new FleetError(
        appError('auth', 'Insiders still refuses this connection after signing in again. The account may have lost API access.', {
          vendor: 'insiders',
          status: 401,
          vendorMessage: err.detail.vendorMessage,
        }),
      );
    }
  }
}

function isUnauthorized(err: unknown): err is FleetError {
  return err instanceof FleetError && err.detail.status === 401;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown shape';
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}
