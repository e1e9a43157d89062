import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MemorySecretStore } from '../../../electron/connections/secret-store';
import { memorySettings } from '../../../electron/connections/settings-store';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { createServices, type AppServices } from '../../../electron/services/create-services';

/** Hostile payloads to the connection channels, over the browser host's socket: typed refusals, nothing saved, the host keeps serving. */
let host: BrowserHost;
let services: AppServices;
let ws: WebSocket;
const secrets = new MemorySecretStore();
const settings = memorySettings();
let nextId = 1;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'fleetdesk-hostile-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>fleetdesk</title>');
  services = await createServices({ host: 'browser', dataDir: join(root, 'data'), version: '1', openExternal: async () => false, log: () => {}, settings, secrets });
  host = await startBrowserHost({ handlers: services.handlers, staticRoot: join(root, 'renderer') });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((r) => ws.once('open', r));
});
afterAll(async () => {
  ws?.close();
  await host?.close();
  await services?.close();
});

type Reply = { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
function call(channel: string, request: unknown): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: Reply };
      if (frame.id !== id) return;
      ws.off('message', onMessage);
      resolve(frame.result!);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, request }));
  });
}

const absolute = (over: Record<string, unknown> = {}) => ({ vendor: 'absolute', label: 'EU', settings: { region: 'eudc', tokenId: 't' }, secrets: { tokenSecret: 's' }, ...over });

describe('hostile payloads to the connection channels', () => {
  it.each([
    ['an over-long label', absolute({ label: 'x'.repeat(10_000) })],
    ['a label with control characters', absolute({ label: 'EU\u0000\u001b[2J' })],
    ['an unknown vendor', { ...absolute(), vendor: 'evilcorp' }],
    ['a javascript: address', absolute({ settings: { region: 'eudc', tokenId: 't', baseUrl: 'javascript:alert(1)' } })],
    ['plain http to another machine', absolute({ settings: { region: 'eudc', tokenId: 't', baseUrl: 'http://10.0.0.5' } })],
    ['credentials inside the address', absolute({ settings: { region: 'eudc', tokenId: 't', baseUrl: 'https://me:pw@api.absolute.com' } })],
    ['a file: address', { vendor: 'algosec', label: 'A', settings: { host: 'file:///etc/passwd', username: 'admin' }, secrets: { password: 'p' } }],
    ['an address with a query', { vendor: 'telemetron', label: 'T', settings: { baseUrl: 'https://t.example?redirect=evil', customerEmails: [] }, secrets: { apiKey: 'k' } }],
    ['an unknown region', absolute({ settings: { region: 'mars', tokenId: 't' } })],
    ['a smuggled certificate pin', absolute({ settings: { region: 'eudc', tokenId: 't', pinnedCertSha256: 'AB' } })],
    ['an extra top-level field', absolute({ secretsSet: ['tokenSecret'] })],
    ["another vendor's secret field", absolute({ secrets: { apiKey: 'k' } })],
    ['a secret that is not a string', absolute({ secrets: { tokenSecret: { $gt: '' } } })],
    ['a 5 MB secret', absolute({ secrets: { tokenSecret: 'x'.repeat(5_000_000) } })],
    ['an id that is a path', absolute({ id: '../../settings' })],
    ['a customer email that is not one', { vendor: 'telemetron', label: 'T', settings: { baseUrl: 'https://t.example', customerEmails: ['root@localhost'] }, secrets: { apiKey: 'k' } }],
    ['30,000 customer emails', { vendor: 'telemetron', label: 'T', settings: { baseUrl: 'https://t.example', customerEmails: Array.from({ length: 30_000 }, (_, i) => `c${i}@x.example`) }, secrets: { apiKey: 'k' } }],
    ['no payload at all', null],
  ])('connections:save refuses %s', async (_what, payload) => {
    const r = await call('connections:save', payload);
    expect(r.ok).toBe(false);
    expect(r.error?.kind).toBe('invalid-payload');
    expect(r.error?.message).toMatch(/^The request for connections:save was refused: /);
  });

  it('refuses ids that are not ours, and the demo accounts, on every connection channel', async () => {
    expect((await call('connections:remove', { id: '../../etc/passwd', purgeCache: true })).error?.kind).toBe('invalid-payload');
    expect((await call('connections:remove', { id: 'absolute-000000000000' })).error?.kind).toBe('invalid-payload'); // purgeCache is required
    expect((await call('connections:remove', { id: 'absolute-000000000000', purgeCache: true })).error).toEqual({
      kind: 'not-found',
      message: 'fleetdesk has no connection with that id (it may have been removed).',
      retryable: false,
    });
    expect((await call('connections:remove', { id: 'demo-absolute', purgeCache: true })).error?.kind).toBe('forbidden');
    expect((await call('connections:save', absolute({ id: 'demo-absolute' }))).error?.kind).toBe('forbidden');
    expect((await call('connections:test', { id: 42 })).error?.kind).toBe('invalid-payload');
    expect((await call('connections:test', { id: 'algosec-000000000000' })).error?.kind).toBe('not-found');
    expect((await call('connections:trustCertificate', { id: 'algosec-000000000000', sha256: 'abc' })).error?.kind).toBe('invalid-payload');
    expect((await call('connections:trustCertificate', { id: 'algosec-000000000000', sha256: 'AB:'.repeat(31) + 'AB' })).error?.kind).toBe('not-found');
  });

  it('refuses preferences out of range or unknown', async () => {
    for (const bad of [{ syncIntervalMinutes: 0 }, { staleAfterHours: 'x' }, { destructiveThreshold: 1.5 }, { demoFleet: 'yes' }, { secretsFolder: '/tmp' }]) {
      expect((await call('preferences:set', bad)).error?.kind).toBe('invalid-payload');
    }
  });

  it('kept serving, and saved nothing', async () => {
    expect((await call('app:info', {})).ok).toBe(true);
    const list = (await call('connections:list', {})).value as { connections: Array<{ demo: boolean }> };
    expect(list.connections.every((c) => c.demo)).toBe(true);
    expect(settings.connections()).toEqual([]);
    expect(secrets.entries.size).toBe(0);
    expect((await call('preferences:get', {})).value).toEqual(settings.preferences());
  });
});
