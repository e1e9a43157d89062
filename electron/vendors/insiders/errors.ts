import type { ErrorKind } from '../../../shared/errors';
import type { VendorErrorReader } from '../../http/types';

/**
 * Reads Insiders error bodies for the HTTP layer. Two shapes exist:
 * the API's DRF `{"detail": "..."}` and the token server's OAuth2
 * `{"error": "invalid_grant", "error_description": "..."}`.
 * OAuth errors keep their code first in `vendorMessage` so the auth code can tell
 * a wrong client from a wrong password.
 */
export const readInsidersError: VendorErrorReader = (status, body) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const o = parsed as Record<string, unknown>;
  if (typeof o.error === 'string') {
    const desc = typeof o.error_description === 'string' ? ` (${o.error_description})` : '';
    const isAuth = status === 400 || status === 401;
    return { vendorMessage: `${o.error}${desc}`, ...(isAuth ? { kind: 'auth' as ErrorKind } : {}) };
  }
  if (typeof o.detail === 'string') {
    // "Already owned" is a state clash the user resolves (release first), not a malformed request.
    const kind: ErrorKind | undefined = status === 400 && /already own/i.test(o.detail) ? 'conflict' : undefined;
    return { vendorMessage: o.detail, ...(kind ? { kind } : {}) };
  }
  return null;
};

/** Which OAuth2 error code a failed token request carried, from the vendor message. */
export function oauthErrorCode(vendorMessage: string | undefined): 'invalid_client' | 'invalid_grant' | 'other' {
  if (!vendorMessage) return 'other';
  if (vendorMessage.startsWith('invalid_client')) return 'invalid_client';
  if (vendorMessage.startsWith('invalid_grant')) return 'invalid_grant';
  return 'other';
}
