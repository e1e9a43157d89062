import { existsSync, readFileSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/** The fake app.getPath('userData'): where the desktop app keeps its settings, cache and journal. */
const USER_DATA = '/tmp/fleetdesk-shell-test';

/**
 * The Electron binary cannot run here, so the shell's wiring is checked with a
 * recording fake of the `electron` module: every security setting the
 * checklist asks for, and the IPC sender checks.
 */
const rec = vi.hoisted(() => ({
  windowOptions: [] as unknown[],
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  privileged: [] as unknown[],
  permission: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  headers: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  singleInstance: true,
  quit: 0,
  loadedUrl: '',
  contents: null as unknown,
  openedExternal: [] as string[],
}));

vi.mock('electron', () => {
  class FakeContents {
    handlers = new Map<string, (...a: unknown[]) => void>();
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    on(name: string, fn: (...a: unknown[]) => void) {
      this.handlers.set(name, fn);
    }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    isDestroyed() {
      return false;
    }
    send() {}
  }
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(options: unknown) {
      rec.windowOptions.push(options);
      rec.contents = this.webContents;
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      rec.loadedUrl = url;
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => rec.singleInstance,
      quit: () => void rec.quit++,
      on: (name: string, fn: (...a: unknown[]) => void) => rec.appEvents.set(name, fn),
      whenReady: () => Promise.resolve(),
      getPath: () => USER_DATA,
      getVersion: () => '1.2.3',
    },
    BrowserWindow,
    // electron-store registers one listener of its own (for renderer-side stores, which fleetdesk does not use).
    ipcMain: { handle: (ch: string, fn: (e: unknown, p: unknown) => Promise<unknown>) => rec.handlers.set(ch, fn), on: () => {} },
    protocol: { registerSchemesAsPrivileged: (s: unknown) => rec.privileged.push(s), handle: () => {} },
    net: { fetch: async () => new Response('') },
    shell: { openExternal: async (u: string) => void rec.openedExternal.push(u) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: typeof rec.headers) => (rec.headers = fn) },
        setPermissionRequestHandler: (fn: typeof rec.permission) => (rec.permission = fn),
        setPermissionCheckHandler: (fn: typeof rec.permissionCheck) => (rec.permissionCheck = fn),
      },
    },
  };
  // electron-store imports electron's default export.
  return { ...electron, default: electron };
});

beforeAll(async () => {
  rmSync(USER_DATA, { recursive: true, force: true });
  await import('../../../electron/main/index');
  // Let whenReady's continuation (service creation, window) run.
  for (let i = 0; i < 50 && !rec.loadedUrl; i++) await new Promise((r) => setTimeout(r, 10));
});

type Prefs = Record<string, unknown>;
const prefs = () => (rec.windowOptions[0] as { webPreferences: Prefs }).webPreferences;
const ourFrame = { parent: null, url: 'app://fleetdesk/index.html' };

describe('Electron shell security', () => {
  it('creates the window with the checklist settings', () => {
    expect(prefs()).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs().preload)).toMatch(/preload/);
  });

  it('loads the bundled app from its own secure scheme, never a remote page', () => {
    expect(rec.loadedUrl).toBe('app://fleetdesk/index.html');
    expect(JSON.stringify(rec.privileged)).toContain('"scheme":"app"');
    expect(JSON.stringify(rec.privileged)).toContain('"secure":true');
  });

  it('holds a single-instance lock and focuses the window on a second launch', () => {
    expect(rec.appEvents.has('second-instance')).toBe(true);
  });

  it('adds a strict CSP to every response', () => {
    let out: { responseHeaders: Record<string, string[]> } | null = null;
    rec.headers!({ responseHeaders: {} }, (r) => (out = r as typeof out));
    const csp = out!.responseHeaders['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | null = null;
      rec.permission!({}, p, (ok) => (granted = ok));
      expect(granted).toBe(false);
    }
    expect(rec.permissionCheck!()).toBe(false);
  });

  it('blocks navigation away from the app and new windows; https links go to the OS browser only after a check', () => {
    const contents = {
      handlers: new Map<string, (...a: unknown[]) => void>(),
      openHandler: null as null | ((d: { url: string }) => { action: string }),
      on(n: string, f: (...a: unknown[]) => void) {
        this.handlers.set(n, f);
      },
      setWindowOpenHandler(f: (d: { url: string }) => { action: string }) {
        this.openHandler = f;
      },
    };
    rec.appEvents.get('web-contents-created')!({}, contents);
    const prevented = (url: string) => {
      let p = false;
      contents.handlers.get('will-navigate')!({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('https://evil.example/')).toBe(true);
    expect(prevented('file:///etc/passwd')).toBe(true);
    expect(prevented('app://fleetdesk/index.html')).toBe(false);

    expect(contents.openHandler!({ url: 'https://www.absolute.com/support' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(rec.openedExternal).toEqual(['https://www.absolute.com/support']);
  });
});

describe('IPC registration', () => {
  it('registers one handler per contract channel', async () => {
    const { CHANNELS } = await import('../../../shared/ipc/contract');
    expect([...rec.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our window top frame', async () => {
    const res = await rec.handlers.get('app:info')!({ sender: rec.contents, senderFrame: ourFrame }, {});
    expect(res).toMatchObject({ ok: true, value: { version: '1.2.3', host: 'electron' } });
  });

  it('refuses a foreign webContents, a subframe, and a frame that navigated elsewhere', async () => {
    const info = rec.handlers.get('app:info')!;
    const foreign = await info({ sender: {}, senderFrame: ourFrame }, {});
    const subframe = await info({ sender: rec.contents, senderFrame: { parent: {}, url: ourFrame.url } }, {});
    const elsewhere = await info({ sender: rec.contents, senderFrame: { parent: null, url: 'https://evil.example/' } }, {});
    for (const r of [foreign, subframe, elsewhere]) expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('keeps settings with electron-store in userData: format version and default preferences', async () => {
    const res = await rec.handlers.get('preferences:get')!({ sender: rec.contents, senderFrame: ourFrame }, {});
    expect(res).toMatchObject({ ok: true, value: { staleAfterHours: 24, syncIntervalMinutes: 30, destructiveThreshold: 25, syncOnStart: true, demoFleet: false } });
    const file = `${USER_DATA}/settings.json`;
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ __internal__: { migrations: { version: '1.0.0' } }, connections: [] });
  });

  it('answers a payload that fails its schema with a typed error, not a crash', async () => {
    const res = await rec.handlers.get('app:openExternal')!({ sender: rec.contents, senderFrame: ourFrame }, { url: ['x'] });
    expect(res).toMatchObject({ ok: false, error: { kind: 'invalid-payload' } });
  });
});
