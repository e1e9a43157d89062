import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { KeytarSecretStore } from '../../../electron/connections/keytar-secret-store';
import type { SecretStore } from '../../../electron/connections/secret-store';
import { openSettings, type SettingsFile } from '../../../electron/connections/settings-store';
import { dispatch } from '../../../electron/host/dispatch';
import { createServices, type AppServices } from '../../../electron/services/create-services';
import type { AppError, Result } from '../../../shared/errors';
import type { Channel, RequestOf, ResultOf } from '../../../shared/ipc/contract';
import type { EventName } from '../../../shared/ipc/events';

export interface Harness {
  services: AppServices;
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
  /** Calls a channel through the same dispatch (zod validation included) the hosts use. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResultOf<C>>;
  /** The typed error a call fails with. */
  failure(channel: Channel, request: unknown): Promise<AppError>;
  close(): Promise<void>;
}

/** The app's services on a data dir, with the browser host's settings store (conf) and, unless given, the real keychain. */
export async function startServices(o: { dataDir?: string; secrets?: SecretStore } = {}): Promise<Harness> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'fleetdesk-conn-'));
  const logs: string[] = [];
  const services = await createServices({
    host: 'browser',
    dataDir,
    version: '0.0.0-test',
    openExternal: async () => false,
    log: (l) => logs.push(l),
    settings: openSettings(dataDir, (options) => new Conf<SettingsFile>(options)),
    secrets: o.secrets ?? new KeytarSecretStore(),
  });
  const events: Harness['events'] = [];
  services.setEmitter((event, payload) => events.push({ event, payload }));
  const raw = (channel: Channel, request: unknown) => dispatch(services.handlers, channel, request) as Promise<Result<unknown>>;
  return {
    services,
    dataDir,
    events,
    async call(channel, request) {
      const r = await raw(channel, request);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.kind}: ${r.error.message}`);
      return r.value as never;
    },
    async failure(channel, request) {
      const r = await raw(channel, request);
      if (r.ok) throw new Error(`${channel} was expected to fail`);
      return r.error;
    },
    close: () => services.close(),
  };
}

/** Polls until `check` returns a truthy value (no fixed sleeps: this machine is slow and busy). */
export async function waitFor<T>(check: () => Promise<T | false | null | undefined> | T | false | null | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
