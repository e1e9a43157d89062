import { app, BrowserWindow, net, protocol, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KeytarSecretStore } from '../connections/keytar-secret-store';
import { openSettings, type SettingsFile } from '../connections/settings-store';
import { createServices } from '../services/create-services';
import { isSafeExternalUrl } from '../services/app-handlers';
import { registerIpcHandlers, sendEvent } from './ipc';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, guardNavigation, hardenSession, secureWindowOptions } from './security';

// Must run before `ready`: our scheme behaves like https (secure, standard origin).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const log = (line: string) => console.log(line);
const here = dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Any webContents created later (there should be none) gets the same guards.
  app.on('web-contents-created', (_e, contents) => guardNavigation(contents, (url) => void shell.openExternal(url), isSafeExternalUrl));

  void app.whenReady().then(async () => {
    const rendererRoot = join(here, '../renderer');
    protocol.handle(APP_SCHEME, (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
      const file = normalize(join(rendererRoot, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
      if (!file.startsWith(normalize(rendererRoot) + sep)) return new Response('Not found', { status: 404 });
      return net.fetch(pathToFileURL(file).toString());
    });
    hardenSession(session.defaultSession);

    const dataDir = app.getPath('userData');
    const services = await createServices({
      host: 'electron',
      dataDir,
      version: app.getVersion(),
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
      log,
      settings: openSettings(dataDir, (options) => new ElectronStore<SettingsFile>(options)),
      secrets: new KeytarSecretStore(),
    });
    registerIpcHandlers(services.handlers, () => win?.webContents ?? null, log);
    services.setEmitter((event, payload) => sendEvent(win?.webContents ?? null, event, payload));

    win = new BrowserWindow(secureWindowOptions(join(here, '../preload/index.cjs')));
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => {
      win = null;
    });
    await win.loadURL(`${APP_ORIGIN}/index.html`);

    app.on('before-quit', () => void services.close());
  });

  app.on('window-all-closed', () => app.quit());
}
