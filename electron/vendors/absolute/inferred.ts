/**
 * Absolute behaviour that is NOT in the documents, in one place so it is easy
 * to correct (see VENDOR-NOTES.md):
 * - Error bodies other than the documented messages: JSON `{"message": "..."}`.
 * - A device uid unknown to the account is left out of the unenroll answer.
 * - Unenroll batch limit is unknown: fleetdesk sends at most 100 per call.
 * - About 20 requests/second per account (documented for v3, assumed for v2).
 * - The server accepts X-Abs-Date within 5 minutes of its own clock.
 * - A token whose role may not read devices gets 403 with a JSON `{"message"}`
 *   (the HTML 403 comes from the gateway for a wrong path, not from the API).
 */
export const UNENROLL_BATCH_MAX = 100;
export const RATE_PER_SECOND = 20;
export const CLOCK_WINDOW_MS = 5 * 60_000;
export const PAGE_MAX = 1000;

export const MESSAGES = {
  badFormat: 'Your request is formatted incorrectly.',
  badSignature: 'Signatures from the request and generated signature do not match.',
  clockWindow: 'Elapsed time frame is not within the timeframe.',
  internal: 'An internal server error occurred.',
  forbidden: 'The API token does not have permission to perform this operation.',
} as const;
