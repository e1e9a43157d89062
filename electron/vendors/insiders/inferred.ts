/**
 * Everything about the Insiders API that is INFERRED rather than documented
 * (VENDOR-NOTES.md, ownership-assign-devices.txt). Client and simulator both
 * read these, so correcting a guess is a one-line change here.
 */

/** API host. Known: only the token URL; the API host is a guess from the account host. */
export const DEFAULT_BASE_URL = 'https://api.insiders.live';

/** Known (VENDOR-NOTES.md): the OAuth2 token endpoint. */
export const DEFAULT_TOKEN_URL = 'https://account.insiders.live/oauth2/token/';

/** Known: device list path. `current=true` = devices owned now; without it, every device the account may see (inferred). */
export const DEVICES_PATH = '/v1/devices/';

/** Inferred: ownership list (filters `device`, `page`, `limit`) and take (POST `{serial_number, device_name}` → 201). */
export const OWNERSHIPS_PATH = '/v1/device-ownerships/';

/*
 * Inferred behaviour (no constant): taking a device another manager holds
 * opens a second span alongside theirs (the two overlap) rather than being
 * refused. Overlapping open spans exist in ownership data (two managers
 * holding a device at once), and the documents name no refusal. Taking a
 * device this account already holds is refused (400 `ownedByYou`).
 */

/** Inferred: release ends the span (end_time = now) and answers 200 with the ownership. */
export const releasePath = (ownershipId: number) => `/v1/device-ownerships/${ownershipId}/release/`;

/**
 * Inferred: DRF page-number pagination driven by `page` (1-based) and `limit`,
 * with a server-side cap on `limit`. The client asks for the cap and follows
 * page numbers until `next` is null.
 */
export const MAX_PAGE_SIZE = 1000;

/**
 * Inferred: the token server behaves like django-oauth-toolkit (the `/oauth2/token/`
 * path matches it): wrong client → 401 `{"error":"invalid_client"}`, wrong
 * user/password or a used/unknown refresh token → 400 `{"error":"invalid_grant"}`,
 * and a refresh rotates the refresh token (the old one stops working).
 */
export const REFRESH_ROTATES = true;

/** Inferred: API errors are DRF-style `{"detail": "..."}` with 400/401/403/404. */
export const DETAIL_MESSAGES = {
  notFound: 'Not found.',
  badToken: 'Authentication credentials were not provided or are invalid.',
  ownedByYou: 'You already own this device.',
  unknownDevice: 'No device matches this serial number and device name.',
  alreadyReleased: 'This ownership has already ended.',
  missingFields: 'serial_number and device_name are required.',
} as const;
