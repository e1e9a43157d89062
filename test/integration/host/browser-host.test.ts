import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { createServices, type AppServices } from '../../../electron/services/create-services';

let host: BrowserHost;
let services: AppServices;
const root = mkdtempSync(join(tmpdir(), 'fleetdesk-host-'));

beforeAll(async () => {
  const staticRoot = join(root, 'renderer');
  mkdirSync(staticRoot);
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>fleetdesk</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  services = await createServices({ host: 'browser', dataDir: join(root, 'data'), version: '9.9.9', openExternal: async () => false, log: () => {} });
  host = await startBrowserHost({ handlers: services.handlers, staticRoot });
});
afterAll(async () => {
  await host.close();
  await services.close();
});

const origin = () => `http://127.0.0.1:${host.port}`;

/** Opens a socket and resolves with it, or rejects with the HTTP status the upgrade was refused with. */
function connect(opts: { token?: string | null; origin?: string; hostHeader?: string } = {}): Promise<WebSocket> {
  const token = opts.token === undefined ? host.token : opts.token;
  const q = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc${q}`, {
    origin: opts.origin ?? origin(),
    headers: opts.hostHeader ? { host: opts.hostHeader } : {},
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, frame: unknown): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { kind: string; message: string } } }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

function get(path: string, hostHeader?: string): Promise<{ status: number; body: string; csp?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path, headers: hostHeader ? { host: hostHeader } : {} }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string | undefined }));
      })
      .on('error', reject);
  });
}

describe('browser host', () => {
  it('serves the renderer with a strict CSP and answers a valid call', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.csp).toContain("script-src 'self'");
    const ws = await connect();
    const reply = await call(ws, { id: 1, channel: 'app:info', request: {} });
    expect(reply).toMatchObject({ id: 1, result: { ok: true, value: { version: '9.9.9', host: 'browser' } } });
    ws.close();
  });

  it('puts the token in the URL fragment, which browsers never send to the server', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{40,}$`));
  });

  it('refuses sockets without the token, with a wrong token, from a foreign Origin or a rebinding Host', async () => {
    await expect(connect({ token: null })).rejects.toThrow('refused 401');
    await expect(connect({ token: 'x'.repeat(43) })).rejects.toThrow('refused 401');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('refused 403');
    await expect(connect({ hostHeader: `attacker.example:${host.port}` })).rejects.toThrow('refused 403');
    expect((await get('/', `attacker.example:${host.port}`)).status).toBe(403);
  });

  it('answers bad payloads, unknown channels and garbage frames with typed errors and keeps serving', async () => {
    const ws = await connect();
    const bad = await call(ws, { id: 2, channel: 'app:openExternal', request: { url: 42 } });
    expect(bad.result.ok).toBe(false);
    expect(bad.result.error?.kind).toBe('invalid-payload');
    expect(bad.result.error?.message).toContain('app:openExternal');

    const unknown = await call(ws, { id: 3, channel: 'vault:dumpSecrets', request: {} });
    expect(unknown.result.error?.kind).toBe('unknown-channel');

    const garbage = await call(ws, '{not json');
    expect(garbage).toMatchObject({ id: -1, result: { ok: false, error: { kind: 'invalid-payload' } } });

    const refusedLink = await call(ws, { id: 4, channel: 'app:openExternal', request: { url: 'file:///etc/passwd' } });
    expect(refusedLink.result.error?.kind).toBe('forbidden');

    const stillThere = await call(ws, { id: 5, channel: 'app:info', request: {} });
    expect(stillThere.result.ok).toBe(true);
    ws.close();
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
  });
});
