import { expect, test } from '@playwright/test';
import { VENDOR_LABELS, VENDORS } from '../../shared/vendors';
import { startVendorAccounts } from '../fixtures/vendor-accounts';
import { add, openConnections } from './connection-form';
import { startHost } from './host';

/**
 * A technician's day: synced at the office, then on site with no network.
 * The app restarts on the cached fleet, says it is offline and how old each
 * vendor's data is, lets a change be prepared and queued, notices when the
 * vendors are back, checks the queued change, and sends it only after review.
 */
test('offline: restarts on the cache with each vendor’s age shown, queues a change, and picks up again when the vendors are back', async ({ page }) => {
  test.setTimeout(240_000);
  const accounts = await startVendorAccounts({ devices: 40, seed: 61 });
  const group = accounts.fleet.algosec.groups.find((g) => g.members.length >= 2)!;
  const device = group.members[0]!;
  const status = page.getByRole('contentinfo', { name: 'Status' });

  // At the office: the four accounts are added and synced.
  const office = await startHost();
  try {
    await openConnections(page, office.url);
    for (const vendor of VENDORS) await add(page, accounts.save[vendor]);
    for (const vendor of VENDORS) await expect(status).toContainText(`${VENDOR_LABELS[vendor]}: as of`, { timeout: 45_000 });
  } finally {
    await office.stop();
  }

  // On site: no vendor can be reached, and fleetdesk starts again.
  await accounts.stop();
  const site = await startHost({ dataDir: office.dataDir });
  try {
    await page.goto(site.url);
    await expect(status).toContainText('Offline — working on cached data', { timeout: 45_000 });
    // Each vendor says how old its data is, in red, with why it could not sync in its tooltip.
    for (const vendor of VENDORS) {
      const age = status.getByText(new RegExp(`^${VENDOR_LABELS[vendor]}: as of (just now|\\d+ min ago)$`));
      await expect(age).toHaveClass(/freshness-bad/);
      await expect(age).toHaveAttribute('title', /unreachable/);
    }
    await page.getByRole('combobox', { name: 'Search devices' }).fill(device);
    await expect(page.getByRole('row').filter({ hasText: device }).first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/offline-search.png' });

    // A change prepared offline cannot be checked or sent: it is queued.
    await page.keyboard.press('Control+2');
    await page.getByRole('searchbox', { name: 'Filter groups' }).fill(group.displayName);
    await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: new RegExp(`^${group.displayName},`) }).click();
    await page.getByRole('list', { name: `Members of ${group.displayName}` }).getByRole('button', { name: new RegExp(`^${device}[,]`) }).focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Review & apply…' }).click();
    const review = page.getByRole('dialog', { name: 'Review changes' });
    await expect(review.getByRole('button', { name: 'Check for changes…' })).toBeDisabled();
    await review.getByRole('button', { name: 'Queue in outbox' }).click();
    await page.keyboard.press('Control+5');
    const outbox = page.getByRole('region', { name: 'Outbox' });
    await expect(outbox.getByTestId('outbox-check')).toHaveText('Not checked against the vendors yet.');
    await expect(outbox.getByRole('button', { name: 'Review & apply…' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/offline-outbox.png' });

    // Back in range: fleetdesk notices by itself (quiet retries), syncs, and checks what waits.
    await accounts.restart();
    await expect(status).toContainText('Online', { timeout: 90_000 });
    await expect(page.getByText(/Back online: 1 queued change was checked against the vendors/)).toBeVisible({ timeout: 30_000 });
    await expect(outbox.getByTestId('outbox-check')).toContainText('Nothing changed underneath since it was queued.');
    await page.screenshot({ path: 'test-results/screens/back-online-outbox.png' });
    expect(accounts.sims.algosec.state.membersOf(group.displayName)).toContain(device);

    // Only the technician's go-ahead sends it.
    await outbox.getByRole('button', { name: 'Review & apply…' }).click();
    await review.getByRole('button', { name: 'Check for changes…' }).click();
    await review.getByRole('button', { name: 'Apply 1 call' }).click();
    await expect(review.getByTestId('run-state')).toHaveText('Finished', { timeout: 30_000 });
    await expect(review.getByText('1 done')).toBeVisible();
    expect(accounts.sims.algosec.state.membersOf(group.displayName)).not.toContain(device);
  } finally {
    await site.stop();
    await accounts.close();
  }
});
