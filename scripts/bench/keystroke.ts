import { chromium } from '@playwright/test';
import { startHost } from '../../test/e2e/host';
import { percentile, printTable } from './table';

const TYPED = ['51bn', 'tjordan', 'lptp-a', 'group:Branch-1', 'stolen:yes', 'northwind', 'cnf8', 'dskt-m', 'fortinet -vendor:insiders', 'kiosk'];

/**
 * Keystroke to rendered results in the browser host, measured in Chromium:
 * from the key press to the app's "results on screen" mark for that exact
 * text (the app marks it after React has committed the new rows).
 */
export async function runKeystrokeBench(devices = Number(process.env.FLEETDESK_DEMO_DEVICES ?? 100_000)): Promise<void> {
  const host = await startHost({ env: { FLEETDESK_DEMO_DEVICES: String(devices) } });
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(host.url);
    await page.getByRole('contentinfo', { name: 'Status' }).getByText(/Absolute: as of/).waitFor({ timeout: 300_000 });
    await page.getByRole('contentinfo', { name: 'Status' }).getByText(/AlgoSec: as of/).waitFor({ timeout: 300_000 });
    const box = page.getByRole('combobox', { name: 'Search devices' });
    const samples: number[] = [];
    for (const text of TYPED) {
      await box.fill('');
      for (let i = 1; i <= text.length; i++) {
        const typed = text.slice(0, i);
        const t0 = await page.evaluate(() => performance.now());
        await box.press(text[i - 1] === ' ' ? 'Space' : text[i - 1]!);
        // A plain string: tsx's helpers do not exist inside the page.
        const t1 = (await page.evaluate(`new Promise((resolve, reject) => {
          const started = performance.now();
          const poll = () => {
            const hit = performance.getEntriesByName('fleetdesk:results').reverse().find((m) => m.detail === ${JSON.stringify(typed)});
            if (hit) resolve(hit.startTime);
            else if (performance.now() - started > 10000) reject(new Error('no results rendered for ' + ${JSON.stringify(typed)}));
            else requestAnimationFrame(poll);
          };
          poll();
        })`)) as number;
        samples.push(t1 - t0);
        await page.evaluate(() => performance.clearMarks('fleetdesk:results'));
      }
    }
    samples.sort((a, b) => a - b);
    printTable(`Keystroke to rendered results, browser host + Chromium, ${devices.toLocaleString('en-US')} demo devices, ${samples.length} keystrokes (target p95 ≤ 50 ms)`, [
      ['p50 ms', 'p95 ms', 'max ms'],
      [percentile(samples, 50), percentile(samples, 95), samples[samples.length - 1] ?? 0],
    ]);
  } finally {
    await browser.close();
    await host.stop();
  }
}
