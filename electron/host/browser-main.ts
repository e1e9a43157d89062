import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { KeytarSecretStore } from '../connections/keytar-secret-store';
import { openSettings, type SettingsFile } from '../connections/settings-store';
import { createServices } from '../services/create-services';
import { startBrowserHost } from './browser-host';

/**
 * Entry of the browser host: the same services as the desktop app, served on
 * 127.0.0.1 to a Chromium tab. Used where Electron cannot run.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
});

const dataDir = values['data-dir'] ?? process.env.FLEETDESK_DATA_DIR ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'fleetdesk');
const staticRoot = join(root, 'out/renderer');
const log = (line: string) => process.stderr.write(`${line}\n`);

if (!existsSync(join(staticRoot, 'index.html'))) {
  log('fleetdesk: the renderer is not built yet. Run "npm run build" (npm start does it for you).');
  process.exit(1);
}

const pkg = (await import(join(root, 'package.json'), { with: { type: 'json' } })).default as { version: string };
let hostUrl = '';
const services = await createServices({
  host: 'browser',
  dataDir,
  version: pkg.version,
  // The page opens links itself (window.open with noopener) after this check passes.
  openExternal: async () => false,
  log,
  // conf is the file store electron-store wraps: the same settings file, schema and migrations as the desktop app.
  settings: openSettings(dataDir, (options) => new Conf<SettingsFile>(options)),
  secrets: new KeytarSecretStore(),
});
const host = await startBrowserHost({
  handlers: services.handlers,
  staticRoot,
  port: values.port ? Number(values.port) : 0,
  token: process.env.FLEETDESK_BROWSER_TOKEN,
  log,
});
services.setEmitter(host.emit);
hostUrl = host.url;

process.stdout.write(`fleetdesk is running at ${hostUrl}\n`);
process.stdout.write(`FLEETDESK_URL=${hostUrl}\n`);
if (!values['no-open'] && !process.env.CI) openInBrowser(hostUrl);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await host.close();
  await services.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

function openInBrowser(url: string) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? 'xdg-open' : null;
  if (!opener) return;
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => log('fleetdesk: could not open a browser; open the address above yourself.'));
  child.unref();
}
