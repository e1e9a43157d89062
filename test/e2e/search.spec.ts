import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Opens the app and waits until every demo vendor has synced once. */
async function openSynced(page: Page) {
  await page.goto(host.url);
  const status = page.getByRole('contentinfo', { name: 'Status' });
  for (const vendor of ['Absolute', 'Telemetron', 'Insiders', 'AlgoSec']) await expect(status.getByText(new RegExp(`${vendor}: as of`))).toBeVisible({ timeout: 45_000 });
}

test('finds the laptop by the last four characters of its serial, and shows every vendor record', async ({ page }) => {
  await openSynced(page);
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.fill('51bn');
  const rows = page.getByRole('row').filter({ hasText: 'LPTP-TJORDAN' });
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('result-count')).toHaveText(/^1 device/);
  await rows.click();
  const details = page.getByRole('complementary', { name: 'Device details' });
  await expect(details.getByText('tjordan@abccompany.com')).toBeVisible();
  await expect(details.getByText('Not found at Insiders.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/search-serial-tail.png' });
});

test('highlights a bad operator with a hint, and still searches the rest', async ({ page }) => {
  await openSynced(page);
  await page.getByRole('combobox', { name: 'Search devices' }).fill('CNF83051BN colour:red');
  await expect(page.getByText('Unknown operator colour:')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Search devices' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('result-count')).toHaveText(/^1 device/);
  await page.screenshot({ path: 'test-results/screens/search-error.png' });
});

test('autocompletes operators and group names from the keyboard', async ({ page }) => {
  await openSynced(page);
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.pressSequentially('grou');
  await expect(page.getByRole('option', { name: /group:/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(box).toHaveValue('group:');
  await box.pressSequentially('lab');
  await expect(page.getByRole('option', { name: /Lab Devices/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('group:"Lab Devices" ');
  await expect(page.getByTestId('result-count')).toHaveText(/^1 device/);
});

test('pasting a list of serials fills the basket and lists what was not found', async ({ page }) => {
  await openSynced(page);
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'CNF83051BN\nPF3KX9A1\nNOT-A-SERIAL-1\n5CG2140XQ7\n');
    document.getElementById('search-box')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('paste-result')).toContainText('3 devices added to the basket');
  await expect(page.getByTestId('paste-result')).toContainText('NOT-A-SERIAL-1');
  await expect(page.getByTestId('basket')).toContainText('Basket: 3 devices');
  await page.screenshot({ path: 'test-results/screens/search-paste.png' });
});

test('selects with keyboard and mouse, keeps the selection while the query changes', async ({ page }) => {
  await openSynced(page);
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.fill('stolen:yes');
  // Every row shown is a stolen device once the query has run.
  await expect(page.getByRole('row').nth(1)).toContainText('stolen');
  await expect(page.getByRole('row').filter({ hasText: /active|inactive|disabled/ })).toHaveCount(0);
  const count = Number((await page.getByTestId('result-count').textContent())!.match(/[\d,]+/)![0].replace(',', ''));
  expect(count).toBeGreaterThan(5);
  await page.getByRole('button', { name: `Select all ${count} matching` }).click();
  await expect(page.getByTestId('basket')).toContainText(`Basket: ${count} devices`);
  await box.fill('51bn');
  await expect(page.getByTestId('basket')).toContainText(`Basket: ${count} devices`);
  // Keyboard: from the box into the table, Space toggles the focused row.
  await box.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('basket')).toContainText(`Basket: ${count + 1} devices`);
  await expect(page.getByRole('row', { selected: true })).toHaveCount(1);
});

test('shift-click selects a range, ctrl-click adds one more, and the basket survives a new query', async ({ page }) => {
  await openSynced(page);
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.fill('name:lptp-t');
  const rows = page.getByRole('row').filter({ hasText: 'LPTP-T' });
  await expect(rows.nth(5)).toBeVisible();
  await rows.nth(0).click();
  await rows.nth(3).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('basket')).toContainText('Basket: 4 devices');
  await rows.nth(5).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('basket')).toContainText('Basket: 5 devices');
  await expect(page.getByRole('row', { selected: true })).toHaveCount(5);
  await box.fill('stolen:yes');
  await expect(page.getByTestId('basket')).toContainText('Basket: 5 devices');
  await box.fill('name:lptp-t');
  await expect(page.getByRole('row', { selected: true })).toHaveCount(5);
  await page.screenshot({ path: 'test-results/screens/search-range-select.png' });
});
