import { test, expect } from '@playwright/test';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const SECTIONS = ['Search', 'Groups', 'Timelines', 'Unenroll', 'Activity', 'Connections'];

test('opens on the demo fleet and every section is reachable, by click and by keyboard', async ({ page }) => {
  await page.goto(host.url);
  const nav = page.getByRole('navigation');
  await expect(nav).toBeVisible();
  await expect(page.getByText('Demo fleet', { exact: false }).first()).toBeVisible();

  for (const name of SECTIONS) {
    await nav.getByRole('link', { name, exact: false }).or(nav.getByRole('button', { name, exact: false })).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name.replace(/s$/, ''));
    await page.screenshot({ path: `test-results/screens/section-${name.toLowerCase()}.png` });
  }

  // Ctrl+1 returns to Search.
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Search');
});

test('says so plainly when the background service goes away', async ({ page }) => {
  const own = await startHost();
  await page.goto(own.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  await own.stop();
  await expect(page.getByText(/lost connection/i)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/connection-lost.png' });
});
