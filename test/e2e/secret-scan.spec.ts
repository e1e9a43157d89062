import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { VENDORS } from '../../shared/vendors';
import { startVendorAccounts, type VendorAccounts } from '../fixtures/vendor-accounts';
import { add, openConnections, testOf } from './connection-form';
import { startHost, type RunningHost } from './host';

/**
 * A full technician's flow through the browser host with four real accounts
 * (simulators with fresh random secrets): add them, sync, apply a group change
 * and an unenroll, export the activity log. Then every WebSocket message the
 * renderer received, every file the app wrote, its log and the exports are
 * searched for every secret, as typed and in the encodings a leak would take.
 */
let accounts: VendorAccounts;
let host: RunningHost;
test.beforeAll(async () => {
  accounts = await startVendorAccounts({ devices: 60, seed: 51 });
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
  await accounts?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A secret as it could leak: as typed, inside JSON, base64 (basic auth, tokens), URL-encoded. */
function leakForms(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), encodeURIComponent(secret)])];
}

test('no secret reaches the renderer, the data dir, the log or an export during a full flow', async ({ page }) => {
  test.setTimeout(180_000);
  const received: string[] = [];
  const sent: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => received.push(String(f.payload)));
    ws.on('framesent', (f) => sent.push(String(f.payload)));
  });

  await openConnections(page, host.url);
  for (const vendor of VENDORS) {
    await add(page, accounts.save[vendor]);
    await expect(testOf(page, accounts.save[vendor].label)).toContainText('Connected:', { timeout: 30_000 });
  }
  const status = page.getByRole('contentinfo', { name: 'Status' });
  for (const vendor of ['Absolute', 'Telemetron', 'Insiders', 'AlgoSec']) await expect(status.getByText(new RegExp(`${vendor}: as of`))).toBeVisible({ timeout: 60_000 });

  // A group change applied at AlgoSec: remove one member of a group that keeps others.
  const group = accounts.fleet.algosec.groups.find((g) => g.members.length >= 3)!;
  await page.getByRole('navigation').getByRole('button', { name: /Groups/ }).click();
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill(group.displayName);
  await page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: new RegExp(`^${group.displayName},`) }).click();
  await page.getByRole('list', { name: `Members of ${group.displayName}` }).getByRole('button').first().focus();
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Review & apply…' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await review.getByRole('button', { name: 'Check for changes…' }).click();
  await review.getByRole('button', { name: 'Apply 1 call' }).click();
  await expect(review.getByTestId('run-state')).toHaveText('Finished', { timeout: 45_000 });
  await review.getByRole('button', { name: 'Close' }).first().click();

  // An unenroll sent to Absolute.
  const serials = accounts.fleet.absolute.devices.filter((d) => d.agentStatus === 'A' && !d.isStolen).slice(0, 3).map((d) => d.serial);
  await page.getByRole('navigation').getByRole('button', { name: /Unenroll/ }).click();
  await page.getByRole('textbox', { name: 'Devices to unenroll' }).fill(serials.join('\n'));
  await page.getByRole('button', { name: 'Review pasted list' }).click();
  await page.getByRole('button', { name: 'Unenroll 3 devices…' }).click();
  await page.getByRole('dialog', { name: 'Unenroll from Absolute' }).getByRole('button', { name: 'Unenroll 3 devices' }).click();
  await expect(page.getByTestId('unenroll-summary')).toContainText('3 unenrolled', { timeout: 30_000 });

  // The activity log, exported both ways.
  const exports: string[] = [];
  await page.getByRole('navigation').getByRole('button', { name: /Activity/ }).click();
  await expect(page.getByRole('table', { name: 'Activity log' })).toContainText('unenroll');
  for (const format of ['CSV', 'JSON']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${format}` }).click();
    exports.push(readFileSync((await (await download).path())!, 'utf8'));
  }
  expect(exports[1]).toContain(serials[0]);

  // The scan. The recorder does see secrets where they belong: in what the form sent to be saved.
  for (const secret of accounts.secrets) expect(sent.some((m) => m.includes(secret))).toBe(true);
  const files = filesUnder(host.dataDir);
  // Settings, the cache, the draft, the journal and the activity log are all there to be searched.
  expect(files.map((f) => f.slice(host.dataDir.length))).toEqual(
    expect.arrayContaining(['/settings.json', '/draft.json', '/activity.jsonl', expect.stringMatching(/^\/cache\/.+\.snapshot$/), expect.stringMatching(/^\/journal\/.+\.jsonl$/)]),
  );
  const places: Array<[string, string]> = [
    ...received.map((m, i): [string, string] => [`WebSocket message ${i} to the renderer`, m]),
    ...files.map((f): [string, string] => [f, readFileSync(f, 'latin1')]),
    ['the host log', host.output()],
    ...exports.map((e, i): [string, string] => [`activity export ${i}`, e]),
  ];
  expect(received.length).toBeGreaterThan(50);
  for (const secret of accounts.secrets) {
    for (const form of leakForms(secret)) {
      const leak = places.find(([, text]) => text.includes(form));
      expect(leak?.[0], `a form of a secret was found in ${leak?.[0]}`).toBeUndefined();
    }
  }
});
