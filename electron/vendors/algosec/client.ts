import { FleetError, appError } from '../../../shared/errors';
import type { AlgosecDevice } from '../../../shared/model';
import { HttpClient } from '../../http/client';
import type { HttpClientOptions, HttpMethod, HttpResponse } from '../../http/types';
import { readAlgosecError } from './errors';
import { DEVICES_PATH, GROUP_ENTITY_TYPE } from './inferred';
import { chunkNamesForUrl, createGroupPath, groupActionPath, groupPath, groupsOfDevicesPrefix } from './paths';
import { AlgosecSession } from './session';
import { DeviceListSchema, GroupsOfDevicesSchema, SuccessMessageSchema } from './wire';

export { fetchCertificate, type CertificateInfo } from './certificate';

export interface AlgosecCredentials {
  /** https://appliance or http://127.0.0.1:PORT */
  baseUrl: string;
  username: string;
  password: string;
  /** SHA-256 fingerprint of the appliance certificate the user chose to trust (per connection, never global). */
  pinnedCertSha256?: string;
}

export interface AlgosecDeviceRow {
  name: string;
  displayName: string;
  brand: string;
}

export interface AlgosecGroup {
  name: string;
  displayName: string;
  /** Member device display names. */
  members: string[];
}

export interface FleetProgress {
  phase: 'devices' | 'groups';
  /** Devices listed (phase 'devices') or devices whose groups are known (phase 'groups'). */
  done: number;
  total: number;
}

/** Group queries in flight at once (the HttpClient's rate limit still applies). */
const GROUP_QUERY_CONCURRENCY = 4;

/**
 * AlgoSec AFA client: devices and device groups (EA APIs, admin only), over
 * one PHPSESSID session that is renewed once when the appliance answers 401.
 * There is no "list all groups" call, so groups are found through devices.
 */
export class AlgosecClient {
  private readonly http: HttpClient;
  private readonly session: AlgosecSession;
  private readonly base: string;

  constructor(creds: AlgosecCredentials, options: { http?: Partial<HttpClientOptions> } = {}) {
    this.base = creds.baseUrl.replace(/\/+$/, '');
    const extraSecrets = options.http?.secrets;
    this.http = new HttpClient({
      readVendorError: readAlgosecError,
      ...options.http,
      vendor: 'algosec',
      pinnedCertSha256: creds.pinnedCertSha256,
      secrets: () => [...this.session.secrets(), ...(extraSecrets?.() ?? [])],
    });
    this.session = new AlgosecSession({ username: creds.username, password: creds.password }, this.http, this.base);
  }

  /** Opens a session (replacing any current one). */
  async login(signal?: AbortSignal): Promise<void> {
    await this.session.login(signal);
  }

  /** Ends the session on the appliance; the next call signs in again. */
  async logout(signal?: AbortSignal): Promise<void> {
    await this.session.logout(signal);
  }

  /** Reachable, certificate accepted, credentials accepted: one fresh sign-in proves all three. */
  async testConnection(signal?: AbortSignal): Promise<void> {
    await this.session.login(signal);
  }

  async listDevices(signal?: AbortSignal): Promise<AlgosecDeviceRow[]> {
    const res = await this.call('GET', DEVICES_PATH, undefined, true, signal);
    return this.http.parseAs(res, DeviceListSchema, 'the device list').map((d) => ({ name: d.name, displayName: d.display_name, brand: d.brand }));
  }

  /**
   * The groups that contain any of these devices, each with its members.
   * Asked in chunks so URLs stay under 2,000 characters; a group seen in
   * several answers is merged (members united).
   */
  async groupsOfDevices(displayNames: string[], signal?: AbortSignal, onChunk?: (devicesDone: number) => void): Promise<AlgosecGroup[]> {
    const chunks = chunkNamesForUrl([...new Set(displayNames)], `${this.base}${groupsOfDevicesPrefix}`);
    const groups = new Map<string, { name: string; displayName: string; members: Set<string> }>();
    let next = 0;
    let devicesDone = 0;
    // After one chunk fails the listing has failed: stop asking for the rest.
    let failed = false;
    const worker = async () => {
      for (let i = next++; i < chunks.length && !failed; i = next++) {
        const chunk = chunks[i];
        if (!chunk) continue;
        const res = await this.call('GET', `${groupsOfDevicesPrefix}${chunk.tail}`, undefined, true, signal).catch((err: unknown) => {
          failed = true;
          throw err;
        });
        for (const g of this.http.parseAs(res, GroupsOfDevicesSchema, 'the groups of devices')) {
          if (g.entityType !== GROUP_ENTITY_TYPE) continue;
          const known = groups.get(g.displayName);
          if (known) for (const m of g.firewalls) known.members.add(m);
          else groups.set(g.displayName, { name: g.name, displayName: g.displayName, members: new Set(g.firewalls) });
        }
        devicesDone += chunk.names.length;
        onChunk?.(devicesDone);
      }
    };
    await Promise.all(Array.from({ length: Math.min(GROUP_QUERY_CONCURRENCY, chunks.length) }, worker));
    return [...groups.values()].map((g) => ({ name: g.name, displayName: g.displayName, members: [...g.members] }));
  }

  /** Every device with the display names of the groups it belongs to. */
  async listFleet(o: { signal?: AbortSignal; onProgress?: (info: FleetProgress) => void } = {}): Promise<AlgosecDevice[]> {
    const rows = await this.listDevices(o.signal);
    o.onProgress?.({ phase: 'devices', done: rows.length, total: rows.length });
    const byDisplayName = new Map<string, AlgosecDevice>();
    for (const r of rows) byDisplayName.set(r.displayName, { ...r, groups: [] });
    const total = byDisplayName.size;
    const groups = await this.groupsOfDevices([...byDisplayName.keys()], o.signal, (done) => o.onProgress?.({ phase: 'groups', done, total }));
    for (const g of groups) {
      for (const member of g.members) byDisplayName.get(member)?.groups.push(g.displayName);
    }
    // Devices sharing a display name would share memberships: AFA addresses groups by display name only.
    return rows.map((r) => {
      const d = byDisplayName.get(r.displayName);
      return { name: r.name, displayName: r.displayName, brand: r.brand, groups: d ? [...d.groups] : [] };
    });
  }

  /** Creates a group with these devices (a group can never be empty, so at least one). */
  async createGroup(displayName: string, deviceDisplayNames: string[], signal?: AbortSignal): Promise<string> {
    if (deviceDisplayNames.length === 0) {
      throw new FleetError(
        appError('bad-request', `AlgoSec groups cannot be empty: choose at least one device for "${displayName}".`, { vendor: 'algosec' }),
      );
    }
    return this.write('POST', createGroupPath(displayName), deviceDisplayNames, signal);
  }

  async addDevices(group: string, deviceDisplayNames: string[], signal?: AbortSignal): Promise<string> {
    return this.write('POST', groupActionPath(group, 'addDevices'), deviceDisplayNames, signal);
  }

  /**
   * Removes members. Removing every member is refused by AlgoSec (400, "use
   * Delete Group"); the client cannot know the live membership, so it sends
   * the request and shows AlgoSec's explanation.
   */
  async removeDevices(group: string, deviceDisplayNames: string[], signal?: AbortSignal): Promise<string> {
    return this.write('DELETE', groupActionPath(group, 'removeDevices'), deviceDisplayNames, signal);
  }

  async deleteGroup(group: string, signal?: AbortSignal): Promise<string> {
    return this.write('DELETE', groupPath(group), undefined, signal);
  }

  /** Group changes are not resent blindly (a second create or remove is refused); 423/429/503 still wait and retry. */
  private async write(method: HttpMethod, path: string, body: unknown, signal?: AbortSignal): Promise<string> {
    const res = await this.call(method, path, body, false, signal);
    if (res.text.trim() === '') return '';
    return this.http.parseAs(res, SuccessMessageSchema, 'its answer');
  }


  /** One call with the session cookie; on 401 sign in again once and resend once (AFA did not act on a 401). */
  private async call(method: HttpMethod, path: string, body: unknown, idempotent: boolean, signal?: AbortSignal): Promise<HttpResponse> {
    const send = (sessionId: string) =>
      this.http.send({
        method,
        url: `${this.base}${path}`,
        headers: {
          cookie: this.session.cookie(sessionId),
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        idempotent,
        signal,
      });
    const sessionId = await this.session.current(signal);
    try {
      return await send(sessionId);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
    }
    const renewed = await this.session.renewAfter(sessionId, signal);
    try {
      return await send(renewed);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      throw new FleetError(
        appError('auth', 'AlgoSec ended the session again right after signing in. Check the account in AlgoSec, then try again.', {
          vendor: 'algosec',
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
