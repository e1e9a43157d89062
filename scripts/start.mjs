// `npm start`: builds, then runs the desktop app; where the Electron binary is
// missing (as on machines that cannot download it) it says so in one line and
// starts the browser host instead. `npm run start:browser` goes straight there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const forwarded = process.argv.slice(2).filter((a) => a !== '--browser');
const browserOnly = process.argv.includes('--browser');

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = browserOnly ? null : electronBinary();
let child;
if (electron) {
  child = spawn(electron, ['.', ...forwarded], { stdio: 'inherit' });
} else {
  if (!browserOnly) console.log('fleetdesk: the Electron binary is not installed on this machine, so the desktop window cannot open; starting the browser host instead.');
  child = spawn('npx', ['tsx', 'electron/host/browser-main.ts', ...forwarded], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
