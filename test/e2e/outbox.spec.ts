import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('a queued group change waits in the outbox, is checked on request, and is sent only after its review', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('contentinfo', { name: 'Status' }).getByText(/AlgoSec: as of/)).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press('Control+2');

  // Stage a removal with the keyboard and queue it instead of applying it.
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('HQ-Core');
  await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: /^HQ-Core,/ }).click();
  const member = page.getByRole('list', { name: 'Members of HQ-Core' }).getByRole('button').first();
  const device = (await member.getAttribute('aria-label'))!.split(',')[0]!;
  await member.focus();
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await review.getByRole('button', { name: 'Queue in outbox' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByTestId('pending-bar')).toContainText('1 queued in the outbox');

  await page.getByTestId('pending-bar').getByRole('button', { name: '1 queued in the outbox' }).click();
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await expect(outbox).toContainText('Remove 1 group membership in 1 vendor call.');
  await expect(outbox.getByTestId('outbox-check')).toHaveText('Not checked against the vendors yet.');
  await outbox.getByRole('button', { name: 'Check now' }).click();
  await expect(outbox.getByTestId('outbox-check')).toContainText('Nothing changed underneath since it was queued.');
  await page.screenshot({ path: 'test-results/screens/outbox.png' });

  await outbox.getByRole('button', { name: 'Review & apply…' }).click();
  await expect(review.getByRole('button', { name: 'Queue in outbox' })).toHaveCount(0);
  await review.getByRole('button', { name: 'Check for changes…' }).click();
  await review.getByRole('button', { name: 'Apply 1 call' }).click();
  await expect(review.getByTestId('run-state')).toHaveText('Finished', { timeout: 20_000 });
  await expect(review.getByText('1 done')).toBeVisible();
  await review.getByRole('button', { name: 'Close' }).first().click();
  await expect(outbox).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Activity log' })).toContainText(`remove from group HQ-Core`);
  await expect(page.getByRole('table', { name: 'Activity log' })).toContainText(device);
});
