import { AsyncLocalStorage } from 'node:async_hooks';
import { VENDOR_LABELS, type VendorId } from '../../shared/vendors';

/** The HTTP layer is waiting before it asks a vendor again. */
export interface WaitInfo {
  vendor: VendorId;
  /** The status that made it wait (423, 429, 503, 5xx), or null for a network failure or timeout. */
  status: number | null;
  waitMs: number;
  attempt: number;
}

const listeners = new AsyncLocalStorage<(info: WaitInfo) => void>();

/**
 * Runs `work` so that every wait of the HTTP layer inside it is reported to
 * `onWait`. Waits belong to the async context that caused them, so two runs
 * sharing one vendor client each hear only their own.
 */
export function reportingWaits<T>(onWait: (info: WaitInfo) => void, work: () => Promise<T>): Promise<T> {
  return listeners.run(onWait, work);
}

/** Called by the HTTP layer before each wait. */
export function reportWait(info: WaitInfo): void {
  listeners.getStore()?.(info);
}

/** What a technician reads while a change waits on the vendor. */
export function describeWait(w: WaitInfo): string {
  const vendor = VENDOR_LABELS[w.vendor];
  const again = `trying again in ${Math.max(1, Math.round(w.waitMs / 1000))} s (attempt ${w.attempt + 1})`;
  if (w.status === 423) return `Waiting: another operation is in progress on the ${vendor} appliance (423 Locked); ${again}.`;
  if (w.status === 429) return `Waiting: ${vendor} asked fleetdesk to slow down (429); ${again}.`;
  if (w.status !== null) return `Waiting: ${vendor} is temporarily unavailable (HTTP ${w.status}); ${again}.`;
  return `Waiting: ${vendor} did not answer; ${again}.`;
}
