import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

async function openGroups(page: Page, url = host.url) {
  await page.goto(url);
  await expect(page.getByRole('contentinfo', { name: 'Status' }).getByText(/AlgoSec: as of/)).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groups');
}

/** Drags with the mouse the way a person does: press, move a little, move to the target, release. */
async function drag(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + 20, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 30, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

test('drag a device onto a group, review the exact call, apply it, and see it in the activity log', async ({ page }) => {
  await openGroups(page);
  await page.getByRole('textbox', { name: 'Find devices to drag' }).or(page.getByRole('searchbox', { name: 'Find devices to drag' })).fill('LPTP-TJORDAN');
  const source = page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /^LPTP-TJORDAN, serial CNF83051BN/ });
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('Lab Devices');
  const target = page.getByRole('list', { name: 'Groups' }).getByRole('listitem').filter({ hasText: 'Lab Devices' });
  await drag(page, source, target);
  await expect(target).toContainText('+1');
  await expect(page.getByTestId('pending-bar')).toContainText('1 staged change');
  await page.screenshot({ path: 'test-results/screens/groups-staged.png' });

  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review changes' });
  await expect(dialog.getByTestId('plan-summary')).toHaveText('Add 1 group membership in 1 vendor call.');
  await dialog.getByRole('button', { name: 'Check for changes…' }).click();
  await expect(dialog.getByText('Nothing changed underneath')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/groups-review.png' });
  await dialog.getByRole('button', { name: 'Apply 1 call' }).click();
  await expect(dialog.getByTestId('run-state')).toHaveText('Finished');
  await expect(dialog.getByText('1 done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // The fleet is re-read from AlgoSec after the apply: the group now has two members.
  await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: /Lab Devices/ }).click();
  await expect(page.getByRole('list', { name: 'Members of Lab Devices' }).getByRole('button')).toHaveCount(2, { timeout: 30_000 });

  await page.keyboard.press('Control+5');
  await expect(page.getByRole('table', { name: 'Activity log' })).toContainText('add to group Lab Devices');
  await expect(page.getByRole('table', { name: 'Activity log' })).toContainText('LPTP-TJORDAN');
  await page.screenshot({ path: 'test-results/screens/activity.png' });
});

test('a plan that would empty a group is blocked until the user keeps a device or deletes the group', async ({ page }) => {
  await openGroups(page);
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('Branch-21');
  await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: /Branch-21,/ }).click();
  const members = page.getByRole('list', { name: 'Members of Branch-21' }).getByRole('button');
  const n = await members.count();
  for (let i = 0; i < n; i++) {
    await members.nth(i).focus();
    await page.keyboard.press('Delete');
  }
  await expect(page.getByTestId('pending-bar')).toContainText(`${n} staged change`);
  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review changes' });
  await expect(dialog.getByRole('alert')).toContainText('would be emptied');
  await expect(dialog.getByRole('button', { name: 'Check for changes…' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/groups-never-empty.png' });
  await dialog.getByRole('button', { name: 'Keep one device' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByTestId('plan-summary')).toHaveText(`Remove ${n - 1} group membership${n - 1 === 1 ? '' : 's'} in 1 vendor call.`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Undo takes back the removals one keyboard step at a time.
  await page.getByRole('button', { name: 'Undo', description: 'Undo (Ctrl+Z)' }).click();
  await expect(page.getByTestId('pending-bar')).toContainText(`${n - 1} staged change`);
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('pending-bar')).toContainText('No staged changes');
});

test('moves five selected devices from one group to another in one drag, and AlgoSec ends up with them', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('contentinfo', { name: 'Status' }).getByText(/AlgoSec: as of/)).toBeVisible({ timeout: 45_000 });
  // Select five members of HQ-Core in Search (click, then shift-click).
  const box = page.getByRole('combobox', { name: 'Search devices' });
  await box.fill('group:HQ-Core');
  const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(rows.nth(5)).toBeVisible();
  await rows.nth(0).click();
  await rows.nth(4).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('basket')).toContainText('Basket: 5 devices');

  await page.keyboard.press('Control+2');
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('HQ-Core');
  await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: /^HQ-Core,/ }).click();
  const memberCount = page.getByTestId('member-count');
  await expect(memberCount).toHaveText(/^[\d,]+ members$/);
  const hqCount = parseInt((await memberCount.textContent())!.replace(/,/g, ''), 10);
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('Lab Devices');
  const selectedMember = page.getByRole('list', { name: 'Members of HQ-Core' }).locator('.drag-row.selected').first();
  const lab = page.getByRole('list', { name: 'Groups' }).getByRole('listitem').filter({ hasText: 'Lab Devices' });
  await drag(page, selectedMember, lab);
  await expect(lab).toContainText('+5');
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('HQ-Core');
  await expect(page.getByRole('list', { name: 'Groups' }).getByRole('listitem').filter({ hasText: 'HQ-Core' })).toContainText('−5');

  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review changes' });
  await expect(dialog.getByTestId('plan-summary')).toHaveText('Add 5 group memberships, remove 5 group memberships in 2 vendor calls.');
  await dialog.getByRole('button', { name: 'Check for changes…' }).click();
  await dialog.getByRole('button', { name: 'Apply 2 calls' }).click();
  await expect(dialog.getByTestId('run-state')).toHaveText('Finished', { timeout: 45_000 });
  await expect(dialog.getByText('10 done')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/groups-move-five.png' });
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // Read back from AlgoSec by the sync that follows every apply.
  await expect(memberCount).toHaveText(`${(hqCount - 5).toLocaleString('en-US')} members`, { timeout: 30_000 });

  // The activity log heads the ten results with the plan they came from, its account and its counts.
  await page.keyboard.press('Control+5');
  const run = page.getByRole('table', { name: 'Activity log' }).getByRole('rowgroup').filter({ hasText: 'Add 5 group memberships, remove 5 group memberships in 2 vendor calls.' });
  await expect(run).toContainText('AlgoSec Demo AlgoSec');
  await expect(run).toContainText('10 done');
  await expect(run.getByRole('row')).toHaveCount(11);
  await page.screenshot({ path: 'test-results/screens/activity-runs.png' });
});

test('a device can be dragged with the keyboard alone', async ({ page }) => {
  await openGroups(page);
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('DMZ');
  await page.getByRole('searchbox', { name: 'Find devices to drag' }).fill('LPTP-TJORDAN');
  const source = page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /^LPTP-TJORDAN, serial CNF83051BN/ });
  await source.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up LPTP-TJORDAN/)).toBeAttached();
  // Arrow keys jump between drop targets; the first one is the DMZ group in the list.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/LPTP-TJORDAN is over group DMZ/)).toBeAttached();
  await page.keyboard.press('Space');
  const dmz = page.getByRole('list', { name: 'Groups' }).getByRole('listitem').filter({ hasText: 'DMZ' });
  await expect(dmz).toContainText('+1');
  await expect(page.getByText(/Dropped LPTP-TJORDAN on group DMZ/)).toBeAttached();
  // And Ctrl+Z takes it back.
  await page.keyboard.press('Control+z');
  await expect(dmz).not.toContainText('+1');
});

test('a large group renders only what is in view, and the keyboard still reaches every member', async ({ page }) => {
  test.setTimeout(120_000);
  // 20,000 devices: HQ-Core has several hundred members.
  const big = await startHost({ env: { FLEETDESK_DEMO_DEVICES: '20000' } });
  try {
    await openGroups(page, big.url);
    await page.getByRole('searchbox', { name: 'Filter groups' }).fill('HQ-Core');
    await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: /^HQ-Core,/ }).click();
    await expect(page.getByTestId('member-count')).toHaveText(/^[\d,]+ members$/);
    const total = parseInt((await page.getByTestId('member-count').textContent())!.replace(/,/g, ''), 10);
    const list = page.getByRole('list', { name: 'Members of HQ-Core' });
    await expect(list.getByRole('button').first()).toBeVisible();
    expect(await list.getByRole('button').count()).toBeLessThan(total / 4);

    await list.getByRole('button').first().focus();
    await page.keyboard.press('End');
    await expect(page.locator(`[aria-posinset="${total}"]`).getByRole('button')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator(`[aria-posinset="${total - 1}"]`).getByRole('button')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(page.locator('[aria-posinset="1"]').getByRole('button')).toBeFocused();
    await page.screenshot({ path: 'test-results/screens/groups-large.png' });
  } finally {
    await big.stop();
  }
});

test('a change that meets a busy appliance says it is waiting, then goes through', async ({ page }) => {
  test.setTimeout(120_000);
  // The first group change finds the demo appliance locked (423) for 1.5 s, as if another admin had just started an operation.
  const busy = await startHost({ env: { FLEETDESK_DEMO_ALGOSEC_LOCK: '1.5' } });
  try {
    await openGroups(page, busy.url);
    await page.getByRole('searchbox', { name: 'Find devices to drag' }).fill('LPTP-TJORDAN');
    const source = page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /^LPTP-TJORDAN, serial CNF83051BN/ });
    await page.getByRole('searchbox', { name: 'Filter groups' }).fill('Lab Devices');
    await drag(page, source, page.getByRole('list', { name: 'Groups' }).getByRole('listitem').filter({ hasText: 'Lab Devices' }));
    await page.getByRole('button', { name: 'Review & apply…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review changes' });
    await dialog.getByRole('button', { name: 'Check for changes…' }).click();
    await dialog.getByRole('button', { name: 'Apply 1 call' }).click();
    await expect(dialog.getByTestId('run-waiting')).toContainText('Waiting: another operation is in progress on the AlgoSec appliance (423 Locked)');
    await page.screenshot({ path: 'test-results/screens/groups-waiting-locked.png' });
    await expect(dialog.getByTestId('run-state')).toHaveText('Finished', { timeout: 20_000 });
    await expect(dialog.getByText('1 done')).toBeVisible();
    await expect(dialog.getByTestId('run-waiting')).toHaveCount(0);
  } finally {
    await busy.stop();
  }
});
