import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { generateDemoFleet } from '../../electron/vendors/demo-fleet/generate';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

// The demo fleet is deterministic: the same serials the app serves (1,500 devices by default).
const demo = generateDemoFleet({ devices: 1500 }).absolute.devices;
const serials = demo.slice(20, 60).map((d) => d.serial);

test('reviews a pasted list, leaves out the stolen group, confirms with the typed count, and shows what Absolute said per device', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('contentinfo', { name: 'Status' }).getByText(/Absolute: as of/)).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press('Control+4');
  await page.getByRole('textbox', { name: 'Devices to unenroll' }).fill([...serials, 'PF3KX9A7', 'NO-SUCH-DEVICE-1', 'NO-SUCH-DEVICE-2'].join('\n'));
  await page.getByRole('button', { name: 'Review pasted list' }).click();

  // Unmatched entries are listed, never dropped silently; only the eligible group starts checked.
  const unmatched = page.getByRole('status').filter({ hasText: 'matched no device' });
  await expect(unmatched).toContainText('2 pasted entries matched no device');
  await expect(unmatched).toContainText('NO-SUCH-DEVICE-1, NO-SUCH-DEVICE-2');
  const stolen = page.getByRole('region', { name: 'Stolen (status 2)' });
  await expect(stolen).toContainText('PF3KX9A7');
  await stolen.getByRole('checkbox', { name: 'Select all Stolen (status 2)' }).check();
  await stolen.getByRole('checkbox', { name: 'Select all Stolen (status 2)' }).uncheck();
  const eligible = await page.getByRole('region', { name: 'Eligible' }).getByRole('checkbox', { name: /^Unenroll /, checked: true }).count();
  expect(eligible).toBeGreaterThan(25);
  await expect(page.getByText(`${eligible} checked`)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/unenroll-review.png', fullPage: true });

  await page.getByRole('button', { name: `Unenroll ${eligible} devices…` }).click();
  const confirm = page.getByRole('dialog', { name: 'Unenroll from Absolute' });
  await expect(confirm).toContainText(`Unenroll ${eligible} devices from Absolute account Demo Absolute (cadc).`);
  const send = confirm.getByRole('button', { name: `Unenroll ${eligible} devices` });
  await expect(send).toBeDisabled(); // above the destructive threshold: the count must be typed
  await confirm.getByRole('textbox', { name: 'Type the device count to confirm' }).fill(String(eligible));
  await page.screenshot({ path: 'test-results/screens/unenroll-confirm.png' });
  await send.click();

  await expect(page.getByTestId('unenroll-summary')).toContainText(`${eligible} unenrolled`, { timeout: 20_000 });
  await expect(page.getByRole('row').filter({ hasText: 'PF3KX9A7' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/unenroll-results.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('device,serial,esn,prediction,result,eligibleStatus,batch,reason,account,sentAt,answeredAt');
  expect(csv.filter((l) => l.includes(',done,0,')).length).toBe(eligible);
  // Every device sent says when its batch went out and when Absolute answered.
  const iso = '\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z';
  for (const line of csv.slice(1).filter(Boolean)) expect(line).toMatch(new RegExp(`,${iso},${iso}$`));
});
