import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('reviews a pasted list, sends only what the technician confirmed, and shows what Absolute said per device', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('contentinfo', { name: 'Status' }).getByText(/Absolute: as of/)).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press('Control+4');
  await page.getByRole('textbox', { name: 'Devices to unenroll' }).fill('CNF83051BN\nPF3KX9A7\n5CG2140XQ7\nNO-SUCH-DEVICE');
  await page.getByRole('button', { name: 'Review pasted list' }).click();

  // Grouped by predicted outcome; only the eligible ones start checked; the unknown entry is listed.
  await expect(page.getByRole('region', { name: 'Eligible' })).toContainText('LPTP-TJORDAN');
  await expect(page.getByRole('region', { name: 'Stolen (status 2)' })).toContainText('PF3KX9A7');
  await expect(page.getByText('1 pasted entries matched no device')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'matched no device' })).toContainText('NO-SUCH-DEVICE');
  await expect(page.getByRole('checkbox', { name: /Unenroll .*/, checked: true })).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/unenroll-review.png' });

  // The technician also sends the stolen one, to see Absolute refuse it.
  await page.getByRole('region', { name: 'Stolen (status 2)' }).getByRole('checkbox', { name: /^Unenroll / }).check();
  await page.getByRole('button', { name: 'Unenroll 3 devices…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Unenroll from Absolute' });
  await expect(confirm).toContainText('Unenroll 3 devices from Absolute account Demo Absolute (cadc).');
  await confirm.getByRole('button', { name: 'Unenroll 3 devices' }).click();

  await expect(page.getByTestId('unenroll-summary')).toContainText('2 unenrolled', { timeout: 20_000 });
  await expect(page.getByTestId('unenroll-summary')).toContainText('1 refused');
  const stolenRow = page.getByRole('row').filter({ hasText: 'PF3KX9A7' });
  await expect(stolenRow).toContainText('stolen (2)');
  await expect(stolenRow).toContainText('refused');
  await page.screenshot({ path: 'test-results/screens/unenroll-results.png' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'));
  expect(csv.split('\r\n')[0]).toBe('device,serial,esn,prediction,result,eligibleStatus,batch,reason,account,startedAt');
  expect(csv).toContain('CNF83051BN');
});
