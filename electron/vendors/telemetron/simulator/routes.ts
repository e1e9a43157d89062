import type { TelemetronSeedCustomer } from '../../demo-fleet/seed-types';
import { readJson, type SimRequest, type SimResponse } from '../../simulator-kit/server';
import { isValidEmail, normalizeEmail } from '../email';
import { API_PREFIX, ERROR_TEXT, PATHS } from '../inferred';
import type { TelemetronSimState } from './state';

const error = (status: number, message: string): SimResponse => ({ status, json: { error: message } });
const GET_CUSTOMER = `${API_PREFIX}/customer/getCustomer/`;

/** Routes one request; every answer follows the documented bodies and statuses (inferred wording in ../inferred.ts). */
export function telemetronRoutes(state: TelemetronSimState, credentials: { apiKey: string }) {
  return (req: SimRequest): SimResponse => {
    if (req.headers['x-api-key'] !== credentials.apiKey) return error(401, ERROR_TEXT.badKey);
    const path = req.path.startsWith(API_PREFIX) ? req.path.slice(API_PREFIX.length) : null;
    if (req.method === 'GET' && req.path.startsWith(GET_CUSTOMER)) {
      const c = state.customersById.get(req.path.slice(GET_CUSTOMER.length));
      return c ? customerAnswer(c) : error(404, ERROR_TEXT.customerNotFound);
    }
    if (req.method !== 'POST' || path === null) return error(404, ERROR_TEXT.notFound);
    const body = readJson(req);
    const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    switch (path) {
      case PATHS.assign:
        return assign(input, state);
      case PATHS.unassign:
        return unassign(input, state);
      case PATHS.queryCustomer:
        return queryCustomer(input, state);
      case PATHS.createOrUpdateCustomer:
        return createCustomer(input, state);
      default:
        return error(404, ERROR_TEXT.notFound);
    }
  };
}

function assign(input: Record<string, unknown>, state: TelemetronSimState): SimResponse {
  const { deviceIdentifier, customerEmails, autoCreateDevice, deviceType } = input;
  if (typeof deviceIdentifier !== 'string' || !deviceIdentifier.trim() || !Array.isArray(customerEmails)) {
    return error(400, ERROR_TEXT.missingAssignFields);
  }
  if (autoCreateDevice === true && (typeof deviceType !== 'string' || !deviceType.trim())) return error(400, ERROR_TEXT.missingDeviceType);
  // Trimmed, lowercased, validated; invalid ones skipped; duplicates count once.
  const emails = [...new Set(customerEmails.filter((e): e is string => typeof e === 'string' && isValidEmail(e)).map(normalizeEmail))];
  if (emails.length === 0) return error(400, ERROR_TEXT.noValidEmails);
  if (state.takeAssignFault(deviceIdentifier)) return error(500, ERROR_TEXT.internal);

  let device = state.devices.get(deviceIdentifier);
  const deviceWasCreated = !device;
  if (!device) {
    if (autoCreateDevice !== true) return error(404, ERROR_TEXT.deviceNotFound);
    device = state.createDevice(deviceIdentifier, deviceType as string);
  }
  const assignedCustomers = emails.map((email) => {
    const existing = state.customer(email);
    const customer = existing ?? state.createCustomer(email);
    // Idempotent: re-assigning never duplicates.
    if (!customer.devices.includes(deviceIdentifier)) customer.devices.push(deviceIdentifier);
    return { email, customerId: customer.id, wasCreated: !existing };
  });
  return {
    status: 200,
    json: {
      success: true,
      message: `Successfully assigned device to ${assignedCustomers.length} customer(s)`,
      deviceId: device.id,
      deviceWasCreated,
      assignedCustomers,
    },
  };
}

function unassign(input: Record<string, unknown>, state: TelemetronSimState): SimResponse {
  const { deviceIdentifier, customerEmail } = input;
  if (typeof deviceIdentifier !== 'string' || !deviceIdentifier.trim() || typeof customerEmail !== 'string') {
    return error(400, ERROR_TEXT.missingUnassignFields);
  }
  if (!isValidEmail(customerEmail)) return error(400, ERROR_TEXT.invalidEmail);
  const customer = state.customer(customerEmail);
  if (!customer) return error(404, ERROR_TEXT.customerNotFound);
  const at = customer.devices.indexOf(deviceIdentifier);
  if (at < 0) return error(400, ERROR_TEXT.notAssigned);
  customer.devices.splice(at, 1);
  return {
    status: 200,
    json: {
      success: true,
      message: 'Device successfully unassigned from customer',
      customerId: customer.id,
      deviceIdentifier,
      devicesRemaining: [...customer.devices],
    },
  };
}

function queryCustomer(input: Record<string, unknown>, state: TelemetronSimState): SimResponse {
  if (typeof input.email !== 'string' || !isValidEmail(input.email)) return error(400, ERROR_TEXT.invalidEmail);
  const c = state.customer(input.email);
  return c ? customerAnswer(c) : error(404, ERROR_TEXT.customerNotFound);
}

function createCustomer(input: Record<string, unknown>, state: TelemetronSimState): SimResponse {
  if (typeof input.email !== 'string' || !isValidEmail(input.email)) return error(400, ERROR_TEXT.invalidEmail);
  if (state.customer(input.email)) return error(409, ERROR_TEXT.customerExists);
  const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : undefined;
  const c = state.createCustomer(input.email, name);
  return { status: 200, json: { success: true, message: 'Customer created successfully', customer: { ...c, devices: [...c.devices] } } };
}

function customerAnswer(c: TelemetronSeedCustomer): SimResponse {
  return { status: 200, json: { success: true, customer: { id: c.id, email: c.email, name: c.name, devices: [...c.devices] } } };
}
