/**
 * Everything about the AlgoSec AFA API that is INFERRED rather than documented
 * (VENDOR-NOTES.md, groups-remove-devices.txt). Client and simulator both read
 * these, so correcting a guess is a change here.
 */

/** Known: session login/logout and the device list. */
export const LOGIN_PATH = '/fa/server/connection/login';
export const LOGOUT_PATH = '/fa/server/connection/logout';
export const DEVICES_PATH = '/afa/api/v1/devices';
/** Known: the session cookie the appliance expects. */
export const SESSION_COOKIE = 'PHPSESSID';

/**
 * Inferred: the group endpoints are documented both as `/afa/api/v1/groups...`
 * (create) and `/api/v1/groups...` (the others). The client uses the `/afa`
 * form for all of them, like create; the simulator serves both.
 */
export const GROUPS_PATH = '/afa/api/v1/groups';

/**
 * Inferred: `GET .../groups/devices/{names}` answers `[{entityType: "group", name,
 * displayName, firewalls[]}]` and `firewalls` holds the group's member device
 * display names. Whether it lists ALL members or only the asked-for ones is not
 * documented; the client takes the union over every answer, which is right
 * either way once every device has been asked about.
 */
export const GROUP_ENTITY_TYPE = 'group';

/**
 * Inferred: a device name that AFA does not know is skipped by
 * `groups/devices/{names}` (not a 400), so a device deleted between the device
 * listing and the group query does not break a whole sync.
 */
export const UNKNOWN_DEVICES_IN_GROUP_QUERY_ARE_SKIPPED = true;

/** From the brief: keep group-query URLs short (proxies and appliances cap URL length). */
export const MAX_URL_LENGTH = 2000;

/**
 * Inferred: a refused login is either an HTTP 401 in the error shape, or 200 with
 * `{status: false}` (the login call predates the EA error shape). Both mean the
 * username or password was refused.
 */
export const LOGIN_REFUSED_STATUSES = new Set([400, 401, 403]);

/** Inferred wording the documents do not quote (the simulator sends these; the client only shows them). */
export const ERROR_TEXT = {
  unauthorized: 'Unauthorized',
  sessionInvalid: 'Session is not valid or has expired. Please log in again.',
  badLogin: 'Invalid username or password',
  forbidden: 'User does not have permission to modify the group', // known (status table)
  forbiddenDescription: 'This API requires administrator permissions.',
  notFound: 'Group not found', // known (status table)
  locked: 'Locked', // known (status table)
  lockedDescription: 'Another operation is in progress. Try again later.',
  invalidDevices: 'Invalid device names provided', // known (example)
  notMembers: 'Devices are not members of the group',
  emptyGroup: 'Cannot remove all devices from the group',
  emptyGroupDescription:
    'Since you cannot leave a group with no devices, all devices from a group cannot be removed. Use the Delete Group endpoint (DELETE /api/v1/groups/{groupDisplayName}) to delete the group instead.',
  groupExists: 'Group already exists',
  badBody: 'Invalid request body',
  routeNotFound: 'Not Found',
} as const;

/** Inferred success bodies (only "Devices removed successfully" is documented). */
export const SUCCESS_TEXT = {
  created: 'Group created successfully',
  added: 'Devices added successfully',
  removed: 'Devices removed successfully', // known
  deleted: 'Group deleted successfully',
} as const;
