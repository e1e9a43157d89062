import type { VendorErrorReader } from '../../http/types';
import { VendorErrorSchema, type VendorErrorBody } from './wire';

/** At most this many field errors are spelled out; the rest are counted. */
const MAX_FIELD_ERRORS = 5;

/**
 * AlgoSec errors are `{error, description, fieldErrors[{field, error}]}`. The
 * technician sees all three, because the description is where AFA explains
 * what to do ("use Delete Group instead") and field errors name the device.
 */
export const readAlgosecError: VendorErrorReader = (_status, body) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON (a proxy's HTML page): the HTTP layer falls back to the status.
    return null;
  }
  const shaped = VendorErrorSchema.safeParse(parsed);
  return shaped.success ? { vendorMessage: algosecErrorText(shaped.data) } : null;
};

/** "Invalid device names provided. The following devices could not be found: [x]. deviceNames: x is not a valid device" */
export function algosecErrorText(e: VendorErrorBody): string {
  const sentence = (s: string | undefined) => (s ?? '').trim().replace(/[.\s]+$/, '');
  const parts = [sentence(e.error)];
  const description = sentence(e.description);
  if (description && description.toLowerCase() !== parts[0]?.toLowerCase()) parts.push(description);
  const fields = e.fieldErrors ?? [];
  const shown = fields.slice(0, MAX_FIELD_ERRORS).map((f) => `${f.field}: ${sentence(f.error)}`);
  if (fields.length > MAX_FIELD_ERRORS) shown.push(`and ${fields.length - MAX_FIELD_ERRORS} more`);
  if (shown.length) parts.push(shown.join('; '));
  return parts.filter((p) => p.length > 0).join('. ');
}
