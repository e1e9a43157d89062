import type { VendorErrorReader } from '../../http/types';

/** Telemetron errors are `{"error": "..."}` (400/401/404/409/500). */
export const readTelemetronError: VendorErrorReader = (_status, body) => {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string') {
      return { vendorMessage: (parsed as { error: string }).error };
    }
  } catch {
    // Not JSON (a proxy's HTML page): the HTTP layer falls back to the status.
  }
  return null;
};
