import type { TelemetronClient } from '../../vendors/telemetron/client';
import type { SyncSource } from '../types';

/**
 * Telemetron has no listing of devices or customers: the app queries each
 * customer it knows (configured or seen before) and keeps its own record.
 */
export function telemetronSource(connectionId: string, label: string, client: TelemetronClient, customerEmails: () => string[]): SyncSource {
  return {
    connectionId,
    vendor: 'telemetron',
    label,
    async pull(run) {
      const emails = customerEmails();
      const { devices, missingCustomers } = await client.listAssignments(emails, {
        signal: run.signal,
        onCustomer: ({ done, total }) => run.progress({ items: done, pages: done, total }),
      });
      return { records: devices, meta: { customers: emails, missingCustomers } };
    },
  };
}
