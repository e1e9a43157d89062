import { expect, test, type Page } from '@playwright/test';
import { generateDemoFleet } from '../../electron/vendors/demo-fleet/generate';
import { startHost, type RunningHost } from './host';

// The demo fleet is deterministic (1,500 devices, seed 1): pick two customers and devices assigned to the first alone.
const fleet = generateDemoFleet({ devices: 1500 });
const customersOf = (serial: string) => fleet.telemetron.customers.filter((c) => c.devices.includes(serial)).map((c) => c.email);
const from = fleet.telemetron.customers.find((c) => c.devices.filter((d) => customersOf(d).length === 1).length >= 5)!;
const to = fleet.telemetron.customers.find((c) => c !== from && c.devices.length > 0)!;
const [moved1, moved2, moved3, finishLater, rollBackLater] = from.devices.filter((d) => customersOf(d).length === 1) as [string, string, string, string, string];
const nameOf = (serial: string) => fleet.absolute.devices.find((d) => d.serial === serial)?.systemName ?? serial;

let host: RunningHost;
test.beforeAll(async () => {
  // The demo's Telemetron refuses the assign half of two transfers (every retry included): they end half done.
  host = await startHost({ env: { FLEETDESK_DEMO_FAIL_ASSIGN: `${finishLater}:5,${rollBackLater}:5` } });
});
test.afterAll(async () => {
  await host.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png` });

async function openTimelines(page: Page) {
  await page.goto(host.url);
  const status = page.getByRole('contentinfo', { name: 'Status' });
  await expect(status.getByText(/Insiders: as of/)).toBeVisible({ timeout: 45_000 });
  await expect(status.getByText(/Telemetron: as of/)).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timelines');
}

/** Local wall time `days` ago at 12:00, as the datetime-local input wants it. */
function localDaysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`;
}

test('opens the demo device with two owners at once: the overlap is highlighted and explained, and "who had it then" names the right owners', async ({ page }) => {
  await openTimelines(page);
  await page.getByRole('tab', { name: 'Custody issues' }).click();
  await page.getByRole('group', { name: 'Show devices with' }).getByRole('button', { name: /^overlap/ }).click();
  await page.getByRole('list', { name: 'Devices with custody issues' }).getByRole('button', { name: /CNF83051BQ/ }).click();

  await expect(page.getByRole('heading', { level: 2, name: /LPTP-TNOVAK/ })).toBeVisible();
  await expect(page.getByTestId('custody-explanation').first()).toContainText('Overlap: manager 101 and manager 104 both held this device at Insiders from');
  await expect(page.locator('.overlap-band')).toHaveCount(1);
  await expect(page.locator('.segment.seg-overlap')).toHaveCount(2);
  await page.getByRole('button', { name: '90 days' }).click();
  await shot(page, 'timeline-overlap');

  // Manager 104 took it 20 days ago while 101 still held it.
  const asOf = page.getByRole('textbox', { name: 'As of date and time' }).or(page.getByLabel('As of date and time'));
  await asOf.fill(localDaysAgo(30));
  const answer = page.getByTestId('as-of-answer');
  await expect(answer).toContainText('Insiders ownermanager 101');
  await expect(answer).not.toContainText('manager 104');
  await asOf.fill(localDaysAgo(5));
  await expect(answer).toContainText('manager 101 and manager 104 — overlap: two owners at once');
  await expect(answer).toContainText('Telemetron customer');
  await shot(page, 'timeline-asof');

  // The list view says the same in rows, overlap rows marked.
  await page.getByRole('tab', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'Custody spans' }).locator('tr.row-overlap')).toHaveCount(2);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await shot(page, 'timeline-overlap-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('transfers three devices from one demo customer to another: dialog, review, apply, per-item results, timeline updated', async ({ page }) => {
  await openTimelines(page);
  await page.keyboard.press('Control+1');
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.fill(`owner:${from.email}`);
  const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox') });
  for (const serial of [moved1, moved2, moved3]) await rows.filter({ hasText: serial }).getByRole('checkbox').check();
  await expect(page.getByTestId('basket')).toContainText('Basket: 3 devices');

  await page.keyboard.press('Control+3');
  await expect(page.getByRole('list', { name: 'Basket devices' }).getByRole('button')).toHaveCount(3);
  await page.getByRole('button', { name: 'Transfer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer to another Telemetron customer' });
  // "From" starts as the customer these devices share, focused; Enter stages.
  await expect(dialog.getByRole('combobox', { name: /From customer/ })).toHaveValue(from.email);
  await expect(dialog.getByRole('combobox', { name: /From customer/ })).toBeFocused();
  await dialog.getByRole('combobox', { name: /To customer/ }).fill(to.email);
  await expect(dialog.getByRole('list', { name: 'Customer check' })).toContainText(`${to.email} — existing customer`);
  await shot(page, 'transfer-dialog');
  await dialog.getByRole('combobox', { name: /To customer/ }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('pending-bar')).toContainText('3 staged changes');

  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await expect(review.getByTestId('plan-summary')).toHaveText('Transfer 3 devices between Telemetron customers in 6 vendor calls.');
  await expect(review).toContainText(`telemetron.unassignDeviceFromOwner("${moved1}", "${from.email}"), then assignDeviceToOwners("${moved1}", ["${to.email}"])`);
  await shot(page, 'transfer-review');
  await review.getByRole('button', { name: 'Check for changes…' }).click();
  await expect(review.getByText('Nothing changed underneath')).toBeVisible({ timeout: 20_000 });
  await review.getByRole('button', { name: 'Apply 6 calls' }).click();
  await expect(review.getByTestId('run-state')).toHaveText('Finished', { timeout: 30_000 });
  await expect(review.getByText('3 done')).toBeVisible();
  await expect(review.getByRole('list', { name: 'Results' })).toContainText(`transfer from ${from.email} to ${to.email}: ${nameOf(moved1)}`);
  await shot(page, 'transfer-results');
  await review.getByRole('button', { name: 'Close' }).first().click();

  // The timeline shows the new customer, assigned by fleetdesk, and the old one ended by it.
  await page.getByRole('list', { name: 'Basket devices' }).getByRole('button', { name: new RegExp(moved1) }).click();
  const lanes = page.getByRole('img', { name: 'Custody timeline' });
  await expect(lanes).toContainText(`${to.email} · by fleetdesk`, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'List' }).click();
  const spans = page.getByRole('table', { name: 'Custody spans' });
  await expect(spans.getByRole('row').filter({ hasText: to.email })).toContainText('made by fleetdesk');
  await expect(spans.getByRole('row').filter({ hasText: from.email })).toContainText('unassigned by fleetdesk');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await shot(page, 'timeline-after-transfer');
});

test('transfers whose second call fails are half done: one is finished from the results, the other rolled back later from the Timelines screen', async ({ page }) => {
  await openTimelines(page);
  await page.keyboard.press('Control+1');
  const box = page.getByRole('combobox', { name: 'Search devices' });
  for (const serial of [finishLater, rollBackLater]) {
    await box.fill(serial);
    await page.getByRole('row').filter({ hasText: serial }).getByRole('checkbox').check();
  }
  await expect(page.getByTestId('basket')).toContainText('Basket: 2 devices');
  await page.keyboard.press('Control+3');

  await page.getByRole('button', { name: 'Transfer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer to another Telemetron customer' });
  await dialog.getByRole('combobox', { name: /To customer/ }).fill(to.email);
  await dialog.getByRole('button', { name: 'Stage for 2 devices' }).click();
  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await review.getByRole('button', { name: 'Check for changes…' }).click();
  await review.getByRole('button', { name: 'Apply 4 calls' }).click();
  await expect(review.getByTestId('run-state')).toHaveText('Finished', { timeout: 30_000 });
  await expect(review.getByText('2 half done')).toBeVisible();
  await expect(review.getByRole('alert')).toContainText('2 transfers are half done');
  const results = review.getByRole('list', { name: 'Results' });
  await expect(results).toContainText(`Half done: unassigned from ${from.email}, not yet assigned to ${to.email}.`);
  await shot(page, 'transfer-half-done');

  // Finish the first one from the results.
  const first = results.getByRole('listitem').filter({ hasText: nameOf(finishLater) });
  await first.getByRole('group', { name: 'Half-done transfer' }).getByRole('button', { name: `Finish (assign to ${to.email})` }).click();
  await expect(review.getByText('Finish 1 half-done transfer: assign to the new customer.')).toBeVisible();
  await expect(review.getByTestId('run-state')).toHaveText('Finished', { timeout: 30_000 });
  await expect(review.getByText('1 done')).toBeVisible();
  await review.getByRole('button', { name: '← Back to the first run' }).click();
  await expect(results.getByRole('listitem').filter({ hasText: nameOf(finishLater) })).toContainText(`Finished afterwards: assigned to ${to.email}.`);
  await expect(review.getByText('1 half done')).toBeVisible();
  await review.getByRole('button', { name: 'Close' }).first().click();

  // The other stays listed on the Timelines screen until it is dealt with.
  const pending = page.getByRole('region', { name: 'Half-done transfers' });
  await expect(pending).toContainText('1 transfer is half done');
  await expect(pending).toContainText(`${nameOf(rollBackLater)} from ${from.email} to ${to.email}`);
  await shot(page, 'timeline-half-done-waiting');
  await pending.getByRole('button', { name: `Roll back (assign to ${from.email} again)` }).click();
  const followUp = page.getByRole('dialog', { name: 'Half-done transfer' });
  await expect(followUp.getByTestId('run-state')).toHaveText('Finished', { timeout: 30_000 });
  await expect(followUp.getByText('1 done')).toBeVisible();
  await followUp.getByRole('button', { name: 'Close' }).first().click();
  await expect(pending).toBeHidden();

  // Back with its first customer, and the timeline says fleetdesk did it.
  await page.getByRole('list', { name: 'Basket devices' }).getByRole('button', { name: new RegExp(rollBackLater) }).click();
  await page.getByRole('tab', { name: 'List' }).click();
  const rows = page.getByRole('table', { name: 'Custody spans' }).getByRole('row').filter({ hasText: from.email });
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await expect(rows.last()).toContainText('assigned by fleetdesk');
});

test('assign checks every address before staging; ownership changes staged here are announced on the Groups screen', async ({ page }) => {
  await openTimelines(page);
  await page.getByRole('tab', { name: 'Find' }).click();
  await page.getByRole('searchbox', { name: 'Find a device' }).fill('CNF83052AA');
  await page.getByRole('list', { name: 'Found devices' }).getByRole('button', { name: /CNF83052AA/ }).click();
  await expect(page.getByTestId('custody-explanation')).toContainText('No current owner at Insiders');
  await page.getByRole('button', { name: 'Add to basket' }).click();

  await page.getByRole('button', { name: 'Assign…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign to Telemetron customers' });
  const emails = dialog.getByRole('combobox', { name: /Customer emails/ });
  await expect(emails).toBeFocused();
  await emails.fill('New.Person@Fresh.example, bad@');
  const check = dialog.getByRole('list', { name: 'Customer check' });
  await expect(check).toContainText('new.person@fresh.example — new customer: Telemetron will create it');
  await expect(check).toContainText('bad@ — not a valid email address');
  await emails.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Not a valid email address: bad@. Nothing was staged.');
  await shot(page, 'assign-dialog-errors');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('pending-bar')).toContainText('No staged changes here');

  // Nobody owns it now: take it. The draft is shared, so Groups says where this change waits.
  await page.getByRole('button', { name: 'Take ownership' }).click();
  await expect(page.getByTestId('pending-bar')).toContainText('1 staged change');
  await page.getByText('Staged a take for 1 device.').locator('..').getByRole('button', { name: 'Dismiss' }).click();
  await page.keyboard.press('Control+2');
  const bar = page.getByTestId('pending-bar');
  await expect(bar).toContainText('Also staged:');
  await shot(page, 'groups-pending-elsewhere');
  await bar.getByRole('button', { name: '1 ownership change in Timelines' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timelines');
  await page.getByTestId('pending-bar').getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('pending-bar')).toContainText('Take ownership of LPTP-SHORVAT at Insiders');
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('pending-bar')).toContainText('No staged changes here');
});
