import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startHost } from '../../test/e2e/host';
import { percentile, printTable } from './table';

const TYPED = ['51bn', 'tjordan', 'lptp-a', 'group:Branch-1', 'stolen:yes', 'northwind', 'cnf8', 'dskt-m', 'fortinet -vendor:insiders', 'kiosk'];

/** Resident memory of a process in MB (Linux), or null where /proc is not there. */
function rssMB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Keystroke to rendered results in the browser host, measured in Chromium
 * while the host still syncs Telemetron in the background: from the key
 * press to the app's "results on screen" mark for that exact text (the app
 * marks it after React has committed the new rows). Measured two ways: from
 * the keydown event's timestamp in the page (what a technician waits for),
 * and from just before Playwright sends the key (adds Playwright's own round
 * trips to the browser).
 */
export async function runKeystrokeBench(devices = Number(process.env.FLEETDESK_DEMO_DEVICES ?? 100_000)): Promise<void> {
  const host = await startHost({ env: { FLEETDESK_DEMO_DEVICES: String(devices) } });
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(host.url);
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await status.getByText(/Absolute: as of/).waitFor({ timeout: 300_000 });
    await status.getByText(/AlgoSec: as of/).waitFor({ timeout: 300_000 });
    const box = page.getByRole('combobox', { name: 'Search devices' });
    // When each key reached the page (capture phase, before the app sees it).
    await page.evaluate(`window.addEventListener('keydown', (e) => { window.__keydownAt = e.timeStamp; }, true)`);
    const fromKey: number[] = [];
    const fromSend: number[] = [];
    for (const text of TYPED) {
      await box.fill('');
      for (let i = 1; i <= text.length; i++) {
        const typed = text.slice(0, i);
        const t0 = await page.evaluate(() => performance.now());
        await box.press(text[i - 1] === ' ' ? 'Space' : text[i - 1]!);
        // A plain string: tsx's helpers do not exist inside the page.
        const [key, shown] = (await page.evaluate(`new Promise((resolve, reject) => {
          const started = performance.now();
          const poll = () => {
            const hit = performance.getEntriesByName('fleetdesk:results').reverse().find((m) => m.detail === ${JSON.stringify(typed)});
            if (hit) resolve([window.__keydownAt, hit.startTime]);
            else if (performance.now() - started > 10000) reject(new Error('no results rendered for ' + ${JSON.stringify(typed)}));
            else requestAnimationFrame(poll);
          };
          poll();
        })`)) as [number, number];
        fromKey.push(shown - key);
        fromSend.push(shown - t0);
        await page.evaluate(() => performance.clearMarks('fleetdesk:results'));
      }
    }
    const stillSyncing = await status.getByText(/Syncing Telemetron/).isVisible();
    const row = (label: string, xs: number[]) => {
      const s = xs.slice().sort((a, b) => a - b);
      return [label, percentile(s, 50), percentile(s, 95), s[s.length - 1] ?? 0];
    };
    printTable(`Keystroke to rendered results, browser host + Chromium, ${devices.toLocaleString('en-US')} demo devices, ${fromKey.length} keystrokes (target p95 ≤ 50 ms)`, [
      ['measured from', 'p50 ms', 'p95 ms', 'max ms'],
      row('the key event in the page', fromKey),
      row('before Playwright sends the key', fromSend),
    ]);
    const rss = rssMB(host.pid);
    console.log(
      `Telemetron was ${stillSyncing ? 'still syncing' : 'no longer syncing'} when the last key was typed.` +
        (rss === null ? '' : ` Browser host RSS: ${Math.round(rss)} MB (the demo host also runs the four vendor simulators, each holding its own copy of the fleet).`),
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}
