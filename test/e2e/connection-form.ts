import { expect, type Locator, type Page } from '@playwright/test';
import { CONNECTION_FIELDS } from '../../shared/connections';
import { VENDOR_LABELS, type VendorId } from '../../shared/vendors';
import type { SaveRequest } from '../fixtures/vendor-accounts';

/** Driving the Connections screen the way a technician does. */
export async function openConnections(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('button', { name: /Connections/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connections & settings');
}

/** Fills the add/edit form from a save request, the way a technician types it. */
export async function fillForm(page: Page, request: SaveRequest) {
  const form = page.getByRole('dialog');
  await fieldOf(form, 'Name').fill(request.label);
  const settings = request.settings as Record<string, string | string[] | undefined>;
  const secrets = request.secrets as Record<string, string | undefined>;
  const fields = CONNECTION_FIELDS[request.vendor];
  if (fields.some((f) => f.advanced && settings[f.key])) await form.getByText('Advanced: addresses').click();
  for (const f of fields) {
    const value = f.kind === 'secret' ? secrets[f.key] : settings[f.key];
    if (value === undefined) continue;
    const box = fieldOf(form, f.label);
    if (f.kind === 'select') await box.selectOption(String(value));
    else await box.fill(Array.isArray(value) ? value.join('\n') : value);
  }
}

/** A form field by its label (required ones carry a " *"). */
export const fieldOf = (form: Locator, label: string) => form.getByLabel(new RegExp(`^${label}( \\*)?$`));

export async function add(page: Page, request: SaveRequest) {
  await page.getByRole('group', { name: 'Add a connection' }).getByRole('button', { name: `+ ${labelOf(request.vendor)}` }).click();
  await fillForm(page, request);
  await page.getByRole('dialog').getByRole('button', { name: 'Save and test' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

export const labelOf = (v: VendorId) => VENDOR_LABELS[v];
export const testOf = (page: Page, label: string) => page.getByLabel(`Test of ${label}`);

