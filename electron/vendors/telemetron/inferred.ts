import { z } from 'zod';

/**
 * Everything about the Telemetron ext-v1 API that is INFERRED rather than
 * documented (VENDOR-NOTES.md, telemetron-assign/unassign-device.txt). Client
 * and simulator both read these, so correcting a guess is a change here.
 */

/** Known: base host and path prefix. */
export const DEFAULT_BASE_URL = 'https://admin.telemetron.ai';
export const API_PREFIX = '/api/ext-v1';

export const PATHS = {
  assign: '/deviceAssignment/assignDeviceToOwners', // known
  unassign: '/deviceAssignment/unassignDeviceFromOwner', // known
  queryCustomer: '/customer/queryCustomer', // known (POST {email})
  createOrUpdateCustomer: '/customer/createOrUpdateCustomer', // known (409 when the email exists)
  getCustomer: (id: string) => `/customer/getCustomer/${encodeURIComponent(id)}`, // known (GET)
};

/**
 * Inferred: a customer's devices are device identifiers (the seed and
 * `devicesRemaining` use identifiers). Objects carrying `identifier` or
 * `deviceIdentifier` are accepted too, in case the real API sends records.
 */
const DeviceRefSchema = z.union([
  z.string(),
  z.object({ identifier: z.string() }).transform((d) => d.identifier),
  z.object({ deviceIdentifier: z.string() }).transform((d) => d.deviceIdentifier),
]);

export const CustomerWireSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable().optional(),
  devices: z.array(DeviceRefSchema).optional(),
});

/**
 * Inferred: queryCustomer / getCustomer / createOrUpdateCustomer answer
 * `{success, customer: {...}}` (the simulator sends this); a bare customer
 * object is accepted as well. Unwrapping first (rather than a zod union) keeps
 * shape errors pointing at the faulty field.
 */
export function unwrapCustomer(body: unknown): unknown {
  return body !== null && typeof body === 'object' && 'customer' in body ? (body as { customer: unknown }).customer : body;
}

/**
 * Inferred: testConnection asks queryCustomer about an address that cannot
 * exist (reserved `.invalid` domain): 404 proves the key works, 401 refuses it.
 * It is a read, changes nothing and costs one request.
 */
export const CONNECTION_PROBE_EMAIL = 'fleetdesk-connection-check@fleetdesk.invalid';

/** Inferred wording of errors the documents name but do not quote (the simulator sends these). */
export const ERROR_TEXT = {
  badKey: 'Invalid or missing API key', // known
  deviceNotFound: 'Device not found', // known (title of the documented 404 example)
  missingAssignFields: 'deviceIdentifier and customerEmails are required',
  missingDeviceType: 'deviceType is required when autoCreateDevice is true',
  noValidEmails: 'No valid email addresses provided',
  missingUnassignFields: 'deviceIdentifier and customerEmail are required',
  invalidEmail: 'Invalid email format',
  customerNotFound: 'Customer not found',
  notAssigned: 'Device is not assigned to this customer',
  customerExists: 'Customer with this email already exists',
  notFound: 'Not found',
  internal: 'Internal server error', // known status (500), wording inferred
} as const;

/**
 * Inferred: no documented rate limit. Sync must query every known customer
 * (there is no listing), so fleetdesk allows 50 requests/second, 8 at once,
 * and still slows down on 429 with Retry-After.
 */
export const RATE_PER_SECOND = 50;
export const QUERY_CONCURRENCY = 8;
