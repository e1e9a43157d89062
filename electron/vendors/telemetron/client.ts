import { FleetError, appError } from '../../../shared/errors';
import type { TelemetronDevice } from '../../../shared/model';
import { HttpClient } from '../../http/client';
import type { HttpClientOptions, HttpResponse } from '../../http/types';
import { isValidEmail, normalizeEmail } from './email';
import { readTelemetronError } from './errors';
import { API_PREFIX, CONNECTION_PROBE_EMAIL, CustomerWireSchema, DEFAULT_BASE_URL, PATHS, unwrapCustomer, QUERY_CONCURRENCY, RATE_PER_SECOND } from './inferred';
import { AssignAnswerSchema, UnassignAnswerSchema } from './wire';

export { isValidEmail, normalizeEmail } from './email';

export interface TelemetronCredentials {
  apiKey: string;
  /** default https://admin.telemetron.ai */
  baseUrl?: string;
}

export interface TelemetronCustomer {
  id: string;
  email: string;
  name: string;
  devices: string[];
}

export interface AssignResult {
  deviceId: string;
  deviceWasCreated: boolean;
  assignedCustomers: Array<{ email: string; customerId: string; wasCreated: boolean }>;
}


/**
 * Telemetron ext-v1 client: device-to-customer assignments. There is no
 * listing of devices or customers, so the app's view is rebuilt by querying
 * each customer it knows (listAssignments).
 */
export class TelemetronClient {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(
    private readonly creds: TelemetronCredentials,
    options: { http?: Partial<HttpClientOptions> } = {},
  ) {
    this.base = `${(creds.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')}${API_PREFIX}`;
    const extraSecrets = options.http?.secrets;
    this.http = new HttpClient({
      ratePerSecond: RATE_PER_SECOND,
      burst: RATE_PER_SECOND,
      maxConcurrent: QUERY_CONCURRENCY,
      readVendorError: readTelemetronError,
      ...options.http,
      vendor: 'telemetron',
      secrets: () => [this.creds.apiKey, ...(extraSecrets?.() ?? [])],
    });
  }

  /** One cheap authenticated read; a refused key says so plainly. */
  async testConnection(signal?: AbortSignal): Promise<void> {
    await this.queryCustomer(CONNECTION_PROBE_EMAIL, signal);
  }

  /** The customer with this email and its device identifiers, or null when Telemetron has no such customer. */
  async queryCustomer(email: string, signal?: AbortSignal): Promise<TelemetronCustomer | null> {
    try {
      const res = await this.send('POST', PATHS.queryCustomer, { email: normalizeEmail(email) }, true, signal);
      return this.customer(res, 'a customer');
    } catch (err) {
      if (err instanceof FleetError && err.detail.status === 404) return null;
      throw err;
    }
  }

  /** A customer by Telemetron id (404 → not-found error). */
  async getCustomer(id: string, signal?: AbortSignal): Promise<TelemetronCustomer> {
    const res = await this.send('GET', PATHS.getCustomer(id), undefined, true, signal);
    return this.customer(res, 'a customer');
  }

  /**
   * Assigns a device to one or more customers (creating missing customers).
   * Telemetron trims, lowercases and skips invalid emails itself; the answer
   * lists who was actually assigned. Re-assigning is harmless, so it may be retried.
   */
  async assignDeviceToOwners(
    input: { deviceIdentifier: string; customerEmails: string[]; autoCreateDevice?: boolean; deviceType?: string },
    signal?: AbortSignal,
  ): Promise<AssignResult> {
    const body = {
      deviceIdentifier: input.deviceIdentifier,
      customerEmails: input.customerEmails,
      ...(input.autoCreateDevice !== undefined ? { autoCreateDevice: input.autoCreateDevice } : {}),
      ...(input.deviceType !== undefined ? { deviceType: input.deviceType } : {}),
    };
    const res = await this.send('POST', PATHS.assign, body, true, signal);
    const a = this.http.parseAs(res, AssignAnswerSchema, 'the assignment result');
    return { deviceId: a.deviceId, deviceWasCreated: a.deviceWasCreated, assignedCustomers: a.assignedCustomers };
  }

  /** Removes one customer from a device. A second identical call is refused (not assigned), so never re-sent blindly. */
  async unassignDeviceFromOwner(input: { deviceIdentifier: string; customerEmail: string }, signal?: AbortSignal): Promise<{ customerId: string; devicesRemaining: string[] }> {
    const res = await this.send('POST', PATHS.unassign, { deviceIdentifier: input.deviceIdentifier, customerEmail: input.customerEmail }, false, signal);
    const a = this.http.parseAs(res, UnassignAnswerSchema, 'the unassignment result');
    return { customerId: a.customerId, devicesRemaining: a.devicesRemaining };
  }

  /** Creates a customer; an existing email is a `conflict` (409). */
  async createOrUpdateCustomer(input: { email: string; name?: string }, signal?: AbortSignal): Promise<{ id: string; email: string }> {
    const res = await this.send('POST', PATHS.createOrUpdateCustomer, { email: input.email, ...(input.name !== undefined ? { name: input.name } : {}) }, false, signal);
    const c = this.customer(res, 'the created customer');
    return { id: c.id, email: c.email };
  }

  /**
   * The app's view of assignments: query each known customer and turn
   * "customer → devices" around into "device → customers". Customers Telemetron
   * does not know (404) or whose email is not valid are returned as missing.
   */
  async listAssignments(
    customerEmails: string[],
    o: { signal?: AbortSignal; onCustomer?: (info: { done: number; total: number }) => void } = {},
  ): Promise<{ devices: TelemetronDevice[]; missingCustomers: string[] }> {
    const emails = [...new Set(customerEmails.map(normalizeEmail))];
    const answers = new Array<TelemetronCustomer | null>(emails.length).fill(null);
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (let i = next++; i < emails.length; i = next++) {
        const email = emails[i] ?? '';
        // An invalid address would only earn a 400: skip the request.
        answers[i] = isValidEmail(email) ? await this.queryCustomer(email, o.signal) : null;
        done += 1;
        o.onCustomer?.({ done, total: emails.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(QUERY_CONCURRENCY, emails.length) }, worker));

    const byIdentifier = new Map<string, TelemetronDevice>();
    const missingCustomers: string[] = [];
    emails.forEach((email, i) => {
      const customer = answers[i];
      if (!customer) {
        missingCustomers.push(email);
        return;
      }
      for (const identifier of customer.devices) {
        const device = byIdentifier.get(identifier) ?? { identifier, customers: [] };
        if (!device.customers.includes(email)) device.customers.push(email);
        byIdentifier.set(identifier, device);
      }
    });
    return { devices: [...byIdentifier.values()], missingCustomers };
  }

  private customer(res: HttpResponse, what: string): TelemetronCustomer {
    const c = this.http.parseAs(res, CustomerWireSchema, what, unwrapCustomer);
    return { id: c.id, email: c.email, name: c.name ?? '', devices: c.devices ?? [] };
  }


  private async send(method: 'GET' | 'POST', path: string, body: unknown, idempotent: boolean, signal?: AbortSignal): Promise<HttpResponse> {
    try {
      return await this.http.send({
        method,
        url: `${this.base}${path}`,
        headers: { 'x-api-key': this.creds.apiKey, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        idempotent,
        signal,
      });
    } catch (err) {
      if (err instanceof FleetError && err.detail.status === 401) {
        throw new FleetError(
          appError('auth', 'Telemetron refused the API key of this connection. Check the key in the connection settings.', {
            vendor: 'telemetron',
            status: 401,
            vendorMessage: err.detail.vendorMessage,
          }),
        );
      }
      throw err;
    }
  }
}
