import type { VendorErrorReader } from '../../http/types';
import { MESSAGES } from './inferred';

/** Minutes between this computer's clock and the server's, from the response Date header. */
function skewText(dateHeader: string | undefined, now: number): string {
  const server = dateHeader ? Date.parse(dateHeader) : NaN;
  if (Number.isNaN(server)) return 'Check the date, time and time zone of this computer.';
  const minutes = Math.round((now - server) / 60_000);
  if (minutes === 0) return 'Check the date, time and time zone of this computer.';
  return `This computer's clock is ${Math.abs(minutes)} minute${Math.abs(minutes) === 1 ? '' : 's'} ${minutes > 0 ? 'ahead of' : 'behind'} Absolute's. Correct the date, time and time zone, then try again.`;
}

/**
 * Absolute's errors in a technician's words: a time-window 401 is a clock
 * problem (with the offset when the server says its time), a signature 401
 * means the token id or secret is wrong, and a 403 with an HTML page comes
 * from the gateway (a wrong path), not from a missing permission. `now` is
 * the clock the requests are signed with.
 */
export const absoluteErrorReader = (now: () => number): VendorErrorReader => (status, body, headers) => {
  const text = body.trim();
  if (status === 403 && text.startsWith('<')) return { vendorMessage: 'the gateway refused the path (an HTML page instead of an API answer)', kind: 'bad-request' };
  let message: string | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string') message = (parsed as { message: string }).message;
  } catch {
    return null;
  }
  if (status === 401 && message?.startsWith(MESSAGES.clockWindow.slice(0, 20))) return { vendorMessage: `${message} ${skewText(headers.date, now())}`, kind: 'clock-skew' };
  if (status === 401 && message === MESSAGES.badSignature) return { vendorMessage: `${message} Check the token id and token secret of this connection.`, kind: 'auth' };
  return message ? { vendorMessage: message } : null;
};
