import { randomBytes } from 'node:crypto';
import { CONNECTION_FIELDS, fieldPhrase, SECRET_FIELDS, type ConnectionView, type SaveConnection, type TestResult } from '../../shared/connections';
import { appError, FleetError, toAppError } from '../../shared/errors';
import type { ConnectionList } from '../../shared/ipc/channels/connections';
import { ABSOLUTE_HOSTS, type VendorId } from '../../shared/vendors';
import type { HttpClientOptions } from '../http/types';
import { fetchCertificate } from '../vendors/algosec/certificate';
import type { RunningSimulators } from '../vendors/demo-fleet/start-all';
import { DEFAULT_BASE_URL as INSIDERS_API } from '../vendors/insiders/inferred';
import { buildClient, connectionInfo, type SecretValues } from './build-client';
import type { ConnectionInfo, Connections, VendorClients } from './connections';
import { demoConnections } from './demo-connections';
import { keychainMessage, type SecretStore } from './secret-store';
import type { Settings, StoredConnection } from './settings-store';
import { describeFailure, testConnection } from './test-connection';
import { executorFor, sourceFor, type LiveConnection } from './vendor-parts';

/** What the fleet does when connections come and go (wired to the store and sync in create-services). */
export interface FleetHooks {
  /** New connections: open their cached slice. */
  add(infos: ConnectionInfo[]): void;
  /** Sync these connections now (a sync already running for one of them is cancelled first). */
  sync(ids: string[]): Promise<void>;
  /** Connections that went away: stop their sync and drop their slice (and its files when `purge`). */
  remove(infos: ConnectionInfo[], purge: boolean): Promise<void>;
}

export interface RegistryOptions {
  settings: Settings;
  secrets: SecretStore;
  /** Starts the demo fleet's simulators (only when the demo fleet should run). */
  startDemo: () => Promise<RunningSimulators>;
  /** Telemetron customers a connection's earlier syncs found (kept in its cached slice). */
  seenCustomers: (connectionId: string) => string[];
  fleet: FleetHooks;
  /** The list, the keychain state or the demo fleet changed: tell the renderer. */
  changed: (reason: string) => void;
  /** HTTP options for every client (tests shorten backoff). */
  http?: Partial<HttpClientOptions>;
  log?: (line: string) => void;
  now?: () => Date;
}

type KeychainState = ConnectionList['keychain'];

/** A saved secret that is not in the keychain although the keychain is open: the user must enter it again. */
class MissingSecrets extends Error {}

/**
 * Every vendor account fleetdesk talks to: the demo fleet's (while it runs)
 * and the technician's own, saved in the settings file with their secrets in
 * the OS keychain. A connection whose secrets cannot be read keeps its cached
 * data but has no client, no sync source and no executor, and says why.
 * Changes are serialized so two saves cannot race each other.
 */
export class ConnectionRegistry implements Connections {
  private demo: { running: RunningSimulators; connections: Connections } | null = null;
  private readonly live = new Map<string, { connection: LiveConnection; secrets: SecretValues }>();
  private readonly problems = new Map<string, string>();
  private keychain: KeychainState = { state: 'ok', message: null };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: RegistryOptions) {}

  /** Starts the demo fleet when it should run. Secrets are read afterwards, by unlock(), without holding up the window. */
  start(): Promise<void> {
    return this.serial(() => this.reconcileDemo(false));
  }

  /** Reads the secrets of every saved connection that has no client yet; returns the ids that now have one. */
  unlock(): Promise<string[]> {
    return this.serial(async () => {
      const pending = this.o.settings.connections().filter((c) => !this.live.has(c.id));
      if (!pending.length) {
        this.keychain = { state: 'ok', message: null };
        return [];
      }
      this.keychain = { state: 'checking', message: null };
      // Only a slow keychain (an unlock prompt waiting) is worth a word.
      const slow = setTimeout(() => {
        this.keychain = { state: 'checking', message: 'Waiting for the system keychain: unlock it if it asks.' };
        this.o.changed('keychain');
      }, 1500);
      const connected: string[] = [];
      try {
        for (const c of pending) {
          try {
            this.attach(c, await this.readSecrets(c));
            connected.push(c.id);
          } catch (err) {
            if (!(err instanceof MissingSecrets)) throw err;
            this.problems.set(c.id, err.message);
          }
        }
        this.keychain = { state: 'ok', message: null };
      } catch (err) {
        const e = toAppError(err);
        this.keychain = { state: 'unavailable', message: e.kind === 'keychain' ? e.message : keychainMessage('unavailable') };
        this.o.log?.(`[keychain] ${this.keychain.message}`);
      } finally {
        clearTimeout(slow);
      }
      this.o.changed('keychain');
      return connected;
    });
  }

  // ---- Connections (what the services use) ----

  list(): ConnectionInfo[] {
    return [...(this.demo?.connections.list() ?? []), ...this.o.settings.connections().map(connectionInfo)];
  }

  get(id: string): ConnectionInfo | null {
    return this.list().find((c) => c.id === id) ?? null;
  }

  client<V extends VendorId>(id: string, vendor: V): VendorClients[V] | null {
    const demo = this.demo?.connections.client(id, vendor);
    if (demo) return demo;
    const live = this.live.get(id)?.connection;
    return live && live.info.vendor === vendor ? (live.client as VendorClients[V]) : null;
  }

  sources() {
    return [
      ...(this.demo?.connections.sources() ?? []),
      ...[...this.live.values()].map(({ connection }) => sourceFor(connection, () => this.watchedCustomers(connection.info.id))),
    ];
  }

  executorFor(id: string) {
    const demo = this.demo?.connections.executorFor(id);
    if (demo) return demo;
    const live = this.live.get(id);
    return live ? executorFor(live.connection) : null;
  }

  // ---- What the Connections screen does ----

  /** Why live calls are disabled (keychain, or connections whose secrets are gone), or null. */
  liveCallsDisabled(): string | null {
    if (!this.o.settings.connections().length) return null;
    if (this.keychain.state !== 'ok') return this.keychain.message;
    const problems = [...this.problems.values()];
    return problems.length ? problems.join(' ') : null;
  }

  views(): ConnectionList {
    const saved = this.o.settings.connections();
    const why = this.demo
      ? saved.length
        ? 'The demo fleet runs next to your accounts because it is turned on in Preferences. Its accounts are named "Demo …".'
        : 'No account is configured yet, so fleetdesk runs its built-in demo fleet: local simulators of all four vendors. Add your own account to turn it off.'
      : 'The demo fleet is off because you have your own accounts. Preferences can turn it back on.';
    return {
      connections: [...(this.demo?.connections.list() ?? []).map(demoView), ...saved.map((c) => this.view(c))],
      demo: { running: this.demo !== null, why },
      keychain: this.keychain,
      notices: this.o.settings.problems,
    };
  }

  /**
   * Creates or updates a connection. Secrets go to the keychain first: when
   * it refuses, nothing is saved (there is no other place for them).
   */
  save(input: SaveConnection): Promise<ConnectionView> {
    return this.serial(async () => {
      const existing = input.id ? this.saved(input.id) : undefined;
      if (existing && existing.vendor !== input.vendor) throw new FleetError(appError('bad-request', 'A connection cannot change its vendor: add a new connection instead.'));
      const id = existing?.id ?? `${input.vendor}-${randomBytes(6).toString('hex')}`;
      const given = Object.entries(input.secrets).filter((e): e is [string, string] => typeof e[1] === 'string');
      const missing = SECRET_FIELDS[input.vendor].filter((f) => !given.some(([k]) => k === f) && !existing?.secretsSet.includes(f));
      if (missing.length) throw new FleetError(appError('bad-request', `Enter the ${fieldNames(input.vendor, missing)}.`));

      const written: string[] = [];
      try {
        for (const [field, value] of given) {
          await this.o.secrets.set(id, field, value);
          written.push(field);
        }
      } catch (err) {
        if (!existing) for (const field of written) await this.o.secrets.delete(id, field).catch(() => false);
        throw err;
      }

      const sameSettings = existing && JSON.stringify(existing.settings) === JSON.stringify(input.settings);
      const sameAccount = existing && given.length === 0 && JSON.stringify(reach(existing)) === JSON.stringify(reach(input));
      const sameHost = existing?.vendor === 'algosec' && input.vendor === 'algosec' && existing.settings.host === input.settings.host;
      const stored = {
        id,
        vendor: input.vendor,
        label: input.label,
        settings: input.settings,
        secretsSet: [...new Set([...(existing?.secretsSet ?? []), ...given.map(([k]) => k)])],
        // A trusted certificate belongs to one host.
        pinnedCertSha256: sameHost ? existing.pinnedCertSha256 : null,
        createdAt: existing?.createdAt ?? this.now(),
        verifiedAt: sameAccount ? existing.verifiedAt : null,
      } as StoredConnection;
      this.o.settings.putConnection(stored);

      if (!sameSettings || given.length) await this.connect(stored, { ...this.live.get(id)?.secrets, ...Object.fromEntries(given) });
      else this.relabel(stored);
      if (!existing) this.o.fleet.add([connectionInfo(stored)]);
      if ((!sameSettings || given.length) && this.live.has(id)) await this.o.fleet.sync([id]);
      await this.reconcileDemo(true);
      this.o.changed(existing ? 'connection updated' : 'connection added');
      return this.view(stored);
    });
  }

  /** Deletes the connection's keychain entries, its settings, and (when asked) its cached data. */
  remove(id: string, purgeCache: boolean): Promise<{ removed: string; cachePurged: boolean }> {
    return this.serial(async () => {
      const c = this.saved(id);
      try {
        // A locked keychain hides its entries (deleting "succeeds" with nothing deleted): make sure it is open.
        await this.o.secrets.check();
        for (const field of SECRET_FIELDS[c.vendor]) await this.o.secrets.delete(c.id, field);
      } catch (err) {
        const e = toAppError(err);
        throw new FleetError({ ...e, message: `"${c.label}" was not removed: fleetdesk must delete its secrets from the keychain first. ${e.message}` });
      }
      await this.o.fleet.remove([connectionInfo(c)], purgeCache);
      this.live.delete(id);
      this.problems.delete(id);
      this.o.settings.removeConnection(id);
      await this.reconcileDemo(true);
      this.o.changed('connection removed');
      return { removed: id, cachePurged: purgeCache };
    });
  }

  /** One cheap authenticated call with the saved settings and secrets, through a fresh client (a fresh sign-in). */
  async test(id: string): Promise<TestResult> {
    const demo = this.demo?.connections.get(id);
    if (demo && this.demo) {
      const client = this.demo.connections.client(id, demo.vendor);
      return testConnection({ info: demo, client } as LiveConnection, { address: this.demo.running.info[demo.vendor].url, username: 'the demo account' });
    }
    const c = this.saved(id);
    const ctx = { address: addressOf(c), username: 'username' in c.settings ? c.settings.username : undefined, now: this.o.now };
    let secrets: SecretValues;
    try {
      secrets = this.live.get(id)?.secrets ?? (await this.readSecrets(c));
    } catch (err) {
      const error = err instanceof MissingSecrets ? appError('keychain', err.message) : toAppError(err);
      return { ok: false, checkedAt: this.now(), ...describeFailure(c.vendor, error, ctx), vendorMessage: null, certificate: null };
    }
    // One attempt, no quiet retries: the technician is waiting for the answer.
    const result = await testConnection(buildClient(c, secrets, { ...this.o.http, maxRetries: 0 }), ctx);
    const current = this.o.settings.connection(id);
    if (result.ok && current) {
      this.o.settings.putConnection({ ...current, verifiedAt: result.checkedAt });
      this.o.changed('connection verified');
    }
    return result;
  }

  /**
   * Pins the AlgoSec certificate the user chose to trust, for this connection
   * only. The certificate is read again and must still be the one they saw.
   */
  trustCertificate(id: string, sha256: string): Promise<ConnectionView> {
    return this.serial(async () => {
      const c = this.saved(id);
      if (c.vendor !== 'algosec') throw new FleetError(appError('bad-request', 'Only AlgoSec connections can trust a certificate of their own.'));
      const now = await fetchCertificate(c.settings.host);
      if (now.sha256 !== sha256) {
        throw new FleetError(appError('tls', `The certificate of ${new URL(c.settings.host).host} is not the one shown any more: test the connection again and compare the new fingerprint.`, { vendor: 'algosec' }));
      }
      const stored: StoredConnection = { ...c, pinnedCertSha256: sha256, verifiedAt: null };
      this.o.settings.putConnection(stored);
      await this.connect(stored, this.live.get(id)?.secrets ?? {});
      if (this.live.has(id)) await this.o.fleet.sync([id]);
      this.o.changed('certificate trusted');
      return this.view(stored);
    });
  }

  /** After a preference change: start or stop the demo fleet to match. */
  preferencesChanged(): Promise<void> {
    return this.serial(async () => {
      await this.reconcileDemo(true);
      this.o.changed('preferences');
    });
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      await this.demo?.running.close();
      this.demo = null;
    });
  }

  // ---- inside ----

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private now(): string {
    return (this.o.now?.() ?? new Date()).toISOString();
  }

  /** A saved (not demo) connection, or a clear refusal. */
  private saved(id: string): StoredConnection {
    const c = this.o.settings.connection(id);
    if (c) return c;
    if (this.demo?.connections.get(id) || id.startsWith('demo-')) {
      throw new FleetError(appError('forbidden', 'The demo accounts cannot be changed or removed: they go away when you add your own account, or when you turn the demo fleet off in Preferences.'));
    }
    throw new FleetError(appError('not-found', 'fleetdesk has no connection with that id (it may have been removed).'));
  }

  private attach(c: StoredConnection, secrets: SecretValues): void {
    this.live.set(c.id, { connection: buildClient(c, secrets, this.o.http), secrets });
    this.problems.delete(c.id);
  }

  /** A new label: same client and secrets, the new name in messages and sync progress. */
  private relabel(c: StoredConnection): void {
    const live = this.live.get(c.id);
    if (live) this.live.set(c.id, { ...live, connection: { ...live.connection, info: { ...live.connection.info, label: c.label } } as LiveConnection });
  }

  /** Replaces the client after a change; reads the secrets not given from the keychain. */
  private async connect(c: StoredConnection, known: SecretValues): Promise<void> {
    this.live.delete(c.id);
    try {
      this.attach(c, await this.readSecrets(c, known));
    } catch (err) {
      const e = toAppError(err);
      this.problems.set(c.id, err instanceof MissingSecrets ? err.message : e.message);
      if (e.kind === 'keychain' && !(err instanceof MissingSecrets)) this.keychain = { state: 'unavailable', message: e.message };
    }
  }

  private async readSecrets(c: StoredConnection, known: SecretValues = {}): Promise<SecretValues> {
    const out: SecretValues = {};
    const missing: string[] = [];
    for (const field of SECRET_FIELDS[c.vendor]) {
      const value = known[field] ?? (await this.o.secrets.get(c.id, field));
      if (value === null || value === undefined) missing.push(field);
      else out[field] = value;
    }
    if (missing.length) {
      // A locked keychain answers "not found" instead of failing: only an open keychain proves the entry is gone.
      await this.o.secrets.check();
      throw new MissingSecrets(
        `The saved ${fieldNames(c.vendor, missing)} of "${c.label}" ${missing.length === 1 ? 'is' : 'are'} no longer in the system keychain: open Edit, enter ${missing.length === 1 ? 'it' : 'them'} again and save.`,
      );
    }
    return out;
  }

  private watchedCustomers(id: string): string[] {
    const c = this.o.settings.connection(id);
    const configured = c?.vendor === 'telemetron' ? c.settings.customerEmails : [];
    return [...new Set([...configured, ...this.o.seenCustomers(id)])];
  }

  private view(c: StoredConnection): ConnectionView {
    const live = this.live.has(c.id);
    const problem = live
      ? null
      : (this.problems.get(c.id) ?? (this.keychain.state === 'unavailable' ? this.keychain.message : this.keychain.state === 'checking' ? 'Reading its secrets from the system keychain…' : null));
    return {
      id: c.id,
      vendor: c.vendor,
      label: c.label,
      demo: false,
      settings: Object.fromEntries(Object.entries(c.settings).filter((e): e is [string, string | string[]] => e[1] !== undefined)),
      secrets: Object.fromEntries(SECRET_FIELDS[c.vendor].map((f) => [f, { set: c.secretsSet.includes(f) }])),
      pinnedCertSha256: c.pinnedCertSha256,
      createdAt: c.createdAt,
      verifiedAt: c.verifiedAt,
      live,
      problem,
    };
  }

  /**
   * The demo fleet runs while no account is saved, or when Preferences ask
   * for it next to real accounts. `announce`: tell the fleet (at start the
   * caller loads every slice itself).
   */
  private async reconcileDemo(announce: boolean): Promise<void> {
    const should = this.o.settings.connections().length === 0 || this.o.settings.preferences().demoFleet;
    if (should && !this.demo) {
      const running = await this.o.startDemo();
      this.demo = { running, connections: demoConnections(running, (id) => this.o.seenCustomers(id)) };
      if (announce) {
        const infos = this.demo.connections.list();
        this.o.fleet.add(infos);
        await this.o.fleet.sync(infos.map((i) => i.id));
      }
    } else if (!should && this.demo) {
      const { running, connections } = this.demo;
      this.demo = null;
      await this.o.fleet.remove(connections.list(), false);
      await running.close();
    }
  }
}

function demoView(info: ConnectionInfo): ConnectionView {
  return { id: info.id, vendor: info.vendor, label: info.label, demo: true, settings: {}, secrets: {}, pinnedCertSha256: null, createdAt: null, verifiedAt: null, live: true, problem: null };
}

/** The address a connection calls, for messages and the certificate check. */
function addressOf(c: StoredConnection): string {
  switch (c.vendor) {
    case 'absolute':
      return c.settings.baseUrl ?? `https://${ABSOLUTE_HOSTS[c.settings.region]}`;
    case 'telemetron':
      return c.settings.baseUrl;
    case 'insiders':
      return c.settings.baseUrl ?? INSIDERS_API;
    case 'algosec':
      return c.settings.host;
  }
}

/** The settings that decide which account is reached (not the Telemetron watch list). */
function reach(c: { vendor: VendorId; settings: object }): unknown {
  if (c.vendor !== 'telemetron') return c.settings;
  const { customerEmails: _watched, ...account } = c.settings as { customerEmails?: string[] };
  return account;
}

function fieldNames(vendor: VendorId, fields: string[]): string {
  const names = fields.map((f) => fieldPhrase(CONNECTION_FIELDS[vendor].find((d) => d.key === f)?.label ?? f));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}
