import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from './host';

async function waitFor(check: () => boolean, what: string, ms = 45_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a damaged cache file is reported in plain words, and the app opens on the previous snapshot', async ({ page }) => {
  test.setTimeout(150_000);
  const first = await startHost();
  const snapshot = join(first.dataDir, 'cache', 'demo-absolute.snapshot');
  await page.goto(first.url);
  await expect(page.getByRole('contentinfo', { name: 'Status' }).getByText(/Absolute: as of/)).toBeVisible({ timeout: 45_000 });
  // A second sync keeps the first snapshot as the fallback.
  await waitFor(() => existsSync(snapshot), 'the first snapshot');
  await page.getByRole('contentinfo', { name: 'Status' }).getByRole('button', { name: 'Sync now' }).click();
  await waitFor(() => existsSync(`${snapshot}.prev`), 'the previous snapshot');
  await first.stop();

  // Flip bytes in the middle of the records, as a bad disk sector or an interrupted copy would.
  const bytes = readFileSync(snapshot);
  for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 64; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(snapshot, bytes);

  const second = await startHost({ dataDir: first.dataDir });
  try {
    await page.goto(second.url);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(notice).toContainText('The cached Absolute data of "Demo Absolute" could not be used: its contents do not match its checksum');
    await expect(notice).toContainText('fleetdesk opened the copy saved');
    // The cached fleet is there at once.
    await page.getByRole('combobox', { name: 'Search devices' }).fill('51bn');
    await expect(page.getByRole('row').filter({ hasText: 'CNF83051BN' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/cache-damaged.png' });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await second.stop();
  }
});
