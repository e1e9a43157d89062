import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CONNECTION_FIELDS } from '../../shared/connections';
import { VENDORS } from '../../shared/vendors';
import { KeytarSecretStore } from '../../electron/connections/keytar-secret-store';
import { fetchCertificate } from '../../electron/vendors/algosec/certificate';
import { generateDemoFleet } from '../../electron/vendors/demo-fleet/generate';
import { startAbsoluteSimulator } from '../../electron/vendors/absolute/simulator';
import { startAlgosecSimulator, type AlgosecSimulator } from '../../electron/vendors/algosec/simulator';
import { selfSignedCert } from '../integration/algosec/fixtures';
import { startServices, waitFor } from '../integration/connections/harness';
import { startVendorAccounts, type SaveRequest, type VendorAccounts } from '../fixtures/vendor-accounts';
import { add, fieldOf, labelOf, openConnections, testOf } from './connection-form';
import { startHost, type RunningHost } from './host';

/**
 * The Connections screen in Chromium against the browser host, with the real
 * keyring: the host and this test share one D-Bus session, so the test reads
 * the keychain the app wrote to.
 */
const keychain = new KeytarSecretStore();
let accounts: VendorAccounts;
let host: RunningHost;

test.beforeAll(async () => {
  accounts = await startVendorAccounts({ devices: 40, seed: 41 });
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
  await accounts?.close();
});

test('add an account, find its secret in the keychain only, see its devices, remove it and its keychain entries', async ({ page }) => {
  await openConnections(page, host.url);
  await expect(page.getByText('No accounts of your own yet')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Demo accounts' }).getByRole('row')).toHaveCount(5);
  await page.screenshot({ path: 'test-results/screens/connections-empty.png', fullPage: true });

  for (const vendor of VENDORS) {
    await page.getByRole('group', { name: 'Add a connection' }).getByRole('button', { name: `+ ${labelOf(vendor)}` }).click();
    const dialog = page.getByRole('dialog', { name: `New ${labelOf(vendor)} connection` });
    await expect(dialog).toBeVisible();
    if (CONNECTION_FIELDS[vendor].some((f) => f.advanced)) await dialog.getByText('Advanced: addresses').click();
    await page.screenshot({ path: `test-results/screens/connections-add-${vendor}.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }

  // Saving with nothing typed says what is missing, and sends nothing.
  await page.getByRole('button', { name: '+ Absolute' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save and test' }).click();
  await expect(page.getByRole('dialog').getByText('Enter the token ID.')).toBeVisible();
  await expect(page.getByRole('dialog').getByText('Enter the token secret.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  const request = { ...accounts.save.absolute, label: 'Absolute (e2e)' } as SaveRequest;
  const secret = (request.secrets as { tokenSecret: string }).tokenSecret;
  await add(page, request);
  await expect(testOf(page, 'Absolute (e2e)')).toContainText('Connected: Absolute accepted the token and listed devices (region cadc).', { timeout: 20_000 });

  // The secret is in the OS keychain under fleetdesk / <id>:tokenSecret, read back from this test process;
  // the settings file names the connection, and has no secret.
  const settingsFile = readFileSync(join(host.dataDir, 'settings.json'), 'utf8');
  const id = (JSON.parse(settingsFile) as { connections: Array<{ id: string }> }).connections[0]!.id;
  expect(id).toMatch(/^absolute-[0-9a-f]{12}$/);
  expect(settingsFile).not.toContain(secret);
  expect(await keychain.get(id, 'tokenSecret')).toBe(secret);

  // The first own account turned the demo fleet off; its devices are searchable once synced.
  await expect(page.getByRole('navigation').getByText('Demo fleet')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Demo accounts' })).toHaveCount(0);
  await expect(page.getByText('The demo fleet is off because you have your own accounts.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/connections-added.png', fullPage: true });

  const device = accounts.fleet.absolute.devices.find((d) => d.agentStatus === 'A')!;
  await page.getByRole('navigation').getByRole('button', { name: /Search/ }).click();
  await page.getByRole('combobox', { name: 'Search devices' }).fill(device.serial);
  await expect(page.getByRole('row').filter({ hasText: device.serial })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Absolute: as of');

  // Rename in place.
  await page.getByRole('navigation').getByRole('button', { name: /Connections/ }).click();
  await page.getByRole('button', { name: 'Rename Absolute (e2e)' }).click();
  await page.getByRole('textbox', { name: 'New name for Absolute (e2e)' }).fill('Absolute Canada');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Your accounts' })).toContainText('Absolute Canada');

  await page.getByRole('button', { name: 'Remove Absolute Canada' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Absolute Canada' });
  await expect(dialog).toContainText(`Also delete its cached data from this computer (${accounts.fleet.absolute.devices.length} devices)`);
  await page.screenshot({ path: 'test-results/screens/connections-remove.png' });
  await dialog.getByRole('button', { name: 'Remove connection' }).click();
  await expect(page.getByText('No accounts of your own yet')).toBeVisible();
  expect(await keychain.get(id, 'tokenSecret')).toBeNull();
  // No account left: back on the demo fleet.
  await expect(page.getByRole('navigation').getByText('Demo fleet')).toBeVisible();
});

test('test connection says precisely what failed; an untrusted AlgoSec certificate is trusted only by an explicit choice', async ({ page }) => {
  let afa: AlgosecSimulator | null = null;
  try {
    afa = await startAlgosecSimulator({ seed: accounts.fleet.algosec, credentials: { username: 'admin', password: 'tls-e2e-pass-3b7d' }, tls: selfSignedCert('afa.fleetdesk.test') });
    await openConnections(page, host.url);

    await add(page, { ...accounts.save.telemetron, label: 'Telemetron wrong key', secrets: { apiKey: 'not-the-right-key' } } as SaveRequest);
    const failed = testOf(page, 'Telemetron wrong key');
    await expect(failed).toContainText('Wrong API key: Telemetron refused it. Copy the key again from Telemetron and save it here.', { timeout: 20_000 });
    await expect(failed).toContainText('Telemetron said: “Invalid or missing API key”');
    await page.screenshot({ path: 'test-results/screens/connections-test-failed.png', fullPage: true });

    // Fixing the key through Edit: the saved one shows as saved, never as text.
    await page.getByRole('button', { name: 'Edit Telemetron wrong key' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Telemetron wrong key' });
    const key = fieldOf(edit, 'API key');
    await expect(key).toHaveValue('');
    await expect(key).toHaveAttribute('placeholder', 'Saved in the system keychain — type to replace');
    await key.fill((accounts.save.telemetron.secrets as { apiKey: string }).apiKey);
    await fieldOf(edit, 'Name').fill('Telemetron');
    await edit.getByRole('button', { name: 'Save and test' }).click();
    await expect(testOf(page, 'Telemetron')).toContainText('Connected: Telemetron accepted the API key.', { timeout: 20_000 });

    await add(page, { vendor: 'algosec', label: 'Lab appliance', settings: { host: afa.url, username: 'admin' }, secrets: { password: 'tls-e2e-pass-3b7d' } });
    const untrusted = testOf(page, 'Lab appliance');
    const cert = await fetchCertificate(afa.url);
    await expect(untrusted).toContainText(`Certificate not trusted: 127.0.0.1:${afa.port} shows a certificate this computer does not trust`, { timeout: 20_000 });
    await expect(untrusted.getByRole('definition').filter({ hasText: cert.sha256 })).toBeVisible();
    await expect(untrusted).toContainText('(self-signed)');
    expect(afa.sessions.counts.logins + afa.sessions.counts.refused).toBe(0);
    await page.screenshot({ path: 'test-results/screens/connections-untrusted-certificate.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/screens/connections-untrusted-certificate-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    await untrusted.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(testOf(page, 'Lab appliance')).toContainText('Connected: signed in to AlgoSec as admin, with the administrator access the group APIs need.', { timeout: 20_000 });
    await expect(page.getByRole('table', { name: 'Your accounts' })).toContainText('certificate pinned');
  } finally {
    await afa?.close();
  }
});

test('two Absolute accounts: the unenroll review names each device\'s account, and each account is sent on its own', async ({ page }) => {
  const eu = await startAbsoluteSimulator({ seed: generateDemoFleet({ devices: 30, seed: 42 }).absolute, credentials: { tokenId: 'tok-eu-e2e', tokenSecret: 'eu-secret-e2e-5c1d9a' } });
  try {
    await openConnections(page, host.url);
    await add(page, { ...accounts.save.absolute, label: 'Absolute Canada' } as SaveRequest);
    await add(page, { vendor: 'absolute', label: 'Absolute Europe', settings: { region: 'eudc', tokenId: 'tok-eu-e2e', baseUrl: eu.url }, secrets: { tokenSecret: 'eu-secret-e2e-5c1d9a' } });
    await expect(testOf(page, 'Absolute Europe')).toContainText('Connected: Absolute accepted the token and listed devices (region eudc).', { timeout: 20_000 });

    // One active device only each account has.
    const others = new Set([...generateDemoFleet({ devices: 1500 }).absolute.devices, ...eu.state.listed()].map((d) => d.serial));
    const canada = accounts.fleet.absolute.devices.find((d) => d.agentStatus === 'A' && !d.isStolen && !others.has(d.serial))!.serial;
    const europe = eu.state.listed().find((d) => d.agentStatus === 'A' && !d.isStolen && !accounts.fleet.absolute.devices.some((a) => a.serial === d.serial))!.serial;
    await page.getByRole('navigation').getByRole('button', { name: /Unenroll/ }).click();
    await page.getByRole('textbox', { name: 'Devices to unenroll' }).fill(`${canada}\n${europe}`);
    await expect(async () => {
      await page.getByRole('button', { name: 'Review pasted list' }).click();
      await expect(page.getByText('2 checked')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByRole('row').filter({ hasText: canada })).toContainText('Absolute Canada');
    await expect(page.getByRole('row').filter({ hasText: europe })).toContainText('Absolute Europe');
    await page.getByRole('combobox', { name: 'Absolute account to send to' }).selectOption({ label: 'Absolute Europe (eudc): 1 device' });
    await page.screenshot({ path: 'test-results/screens/unenroll-two-accounts.png', fullPage: true });

    await page.getByRole('button', { name: 'Unenroll 1 device from Absolute Europe…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Unenroll from Absolute' });
    await expect(confirm).toContainText('Unenroll 1 device from Absolute account Absolute Europe (eudc).');
    await confirm.getByRole('button', { name: 'Unenroll 1 device' }).click();
    await expect(page.getByTestId('unenroll-summary')).toContainText('1 unenrolled', { timeout: 20_000 });
    await expect(page.getByText('account Absolute Europe (eudc)')).toBeVisible();
    expect(eu.requests.get('POST /v2/device-unenrollment/unenroll')).toBe(1);
    expect(accounts.sims.absolute.requests.get('POST /v2/device-unenrollment/unenroll') ?? 0).toBe(0);
  } finally {
    await eu.close();
  }
});

test('preferences are saved and used: staleness limit, sync, typed-count threshold, demo fleet next to own accounts', async ({ page }) => {
  await openConnections(page, host.url);
  const prefs = page.getByRole('region', { name: 'Preferences' });
  await prefs.getByRole('spinbutton', { name: /Data is stale after/ }).fill('12');
  await prefs.getByRole('spinbutton', { name: /Type the count to confirm above/ }).fill('10');
  await prefs.getByRole('checkbox', { name: 'Run the demo fleet next to my accounts' }).check();
  await page.screenshot({ path: 'test-results/screens/connections-preferences.png', fullPage: true });
  await prefs.getByRole('button', { name: 'Save preferences' }).click();
  await expect(prefs.getByRole('button', { name: 'Save preferences' })).toBeDisabled();

  // The demo fleet joins the own accounts, clearly marked.
  await expect(page.getByRole('table', { name: 'Demo accounts' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('The demo fleet runs next to your accounts.')).toBeVisible();

  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: /Connections/ }).click();
  await expect(page.getByRole('region', { name: 'Preferences' }).getByRole('spinbutton', { name: /Data is stale after/ })).toHaveValue('12');
  // Unenroll asks for the typed count above the new threshold: 11 devices now need it.
  const eligible = generateDemoFleet({ devices: 1500 })
    .absolute.devices.filter((d) => d.agentStatus === 'A' && !d.isStolen)
    .slice(100, 111);
  await page.getByRole('navigation').getByRole('button', { name: /Unenroll/ }).click();
  await page.getByRole('textbox', { name: 'Devices to unenroll' }).fill(eligible.map((d) => d.serial).join('\n'));
  await expect(async () => {
    await page.getByRole('button', { name: 'Review pasted list' }).click();
    await expect(page.getByText('11 checked')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Unenroll 11 devices…' }).click();
  await expect(page.getByRole('dialog', { name: 'Unenroll from Absolute' })).toContainText('This is more than 10 devices. Type 11 to confirm.');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
});

test('keychain unavailable: the app opens on the cached fleet, says why live calls are off and how to fix it', async ({ page }) => {
  // An account saved and synced with a working keychain...
  const prepared = await startServices();
  await prepared.call('connections:save', { ...accounts.save.insiders, label: 'Insiders (cached)' });
  await waitFor(async () => (await prepared.call('app:status', {})).freshness.every((f) => f.asOf !== null), 'the account to sync');
  await prepared.close();
  // ...then opened where no Secret Service answers.
  const offline = await startHost({ dataDir: prepared.dataDir, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } });
  try {
    await page.goto(offline.url);
    const banner = page.getByRole('alert').filter({ hasText: 'Live calls are off' });
    await expect(banner).toContainText('fleetdesk cannot reach the system keychain', { timeout: 30_000 });
    await expect(banner).toContainText('then press Retry.');
    const serial = accounts.fleet.insiders.devices[2]!.serial_number;
    await page.getByRole('combobox', { name: 'Search devices' }).fill(serial);
    await expect(page.getByRole('row').filter({ hasText: serial })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/keychain-unavailable-search.png' });

    await banner.getByRole('button', { name: 'Open Connections' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'fleetdesk never keeps secrets anywhere else' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Your accounts' })).toContainText('cannot connect Its secrets cannot be read from the keychain now (see above).');
    await page.screenshot({ path: 'test-results/screens/connections-keychain-unavailable.png', fullPage: true });
  } finally {
    await offline.stop();
  }
});
