import { readJson, type SimRequest, type SimResponse } from '../../simulator-kit/server';
import { ERROR_TEXT, GROUP_ENTITY_TYPE, LOGIN_PATH, LOGOUT_PATH, SUCCESS_TEXT, UNKNOWN_DEVICES_IN_GROUP_QUERY_ARE_SKIPPED } from '../inferred';
import type { SimSessions } from './sessions';
import type { AlgosecSimState, SimGroup } from './state';

type FieldError = { field: string; error: string };

/** Every AlgoSec error, injected faults included, has this shape. */
export function vendorError(status: number, error: string, description: string = error, fieldErrors: FieldError[] = []): SimResponse {
  return { status, json: { error, description, fieldErrors } };
}

export interface LockWindow {
  /** Group changes answer 423 until this time (ms since epoch). */
  until: number;
  /** When set, the next group change starts a lock of this many ms (another admin just began an operation). */
  onNextChangeMs?: number;
}

const GROUPS_OF_DEVICES = /^\/api\/v1\/groups\/devices\/([^/]*)$/;
const GROUP_ACTION = /^\/api\/v1\/groups\/([^/]+)\/(addDevices|removeDevices)$/;
const GROUP = /^\/api\/v1\/groups\/([^/]+)$/;

/**
 * AFA routes. Matching is done on the still-encoded path, so a group called
 * "Branch 12/East" (sent as Branch%2012%2FEast) is one segment, as on the
 * appliance. Group paths are served with and without the `/afa` prefix.
 */
export function algosecRoutes(state: AlgosecSimState, sessions: SimSessions, lock: LockWindow, now: () => number) {
  return (req: SimRequest): SimResponse => {
    if (req.rawPath === LOGIN_PATH && req.method === 'POST') return login(req, sessions);
    const user = sessions.userOf(req);
    if (!user) return vendorError(401, ERROR_TEXT.unauthorized, ERROR_TEXT.sessionInvalid);
    if (req.rawPath === LOGOUT_PATH && req.method === 'POST') {
      sessions.logout(req);
      return { status: 200, json: { status: true } };
    }

    const path = req.rawPath.replace(/^\/afa(?=\/api\/)/, '');
    if (path === '/api/v1/devices' && req.method === 'GET') {
      return { status: 200, json: state.devices };
    }
    if (!path.startsWith('/api/v1/groups')) return vendorError(404, ERROR_TEXT.routeNotFound, `No resource at ${req.path}`);

    if (!user.admin) return vendorError(403, ERROR_TEXT.forbidden, ERROR_TEXT.forbiddenDescription);
    if (req.method !== 'GET' && lock.onNextChangeMs) {
      lock.until = now() + lock.onNextChangeMs;
      lock.onNextChangeMs = undefined;
    }
    if (req.method !== 'GET' && now() < lock.until) return vendorError(423, ERROR_TEXT.locked, ERROR_TEXT.lockedDescription);

    try {
      let m: RegExpExecArray | null;
      if (req.method === 'GET' && (m = GROUPS_OF_DEVICES.exec(path))) return groupsOfDevices(m[1] ?? '', state);
      if (req.method === 'POST' && path === '/api/v1/groups') return createGroup(req, state);
      if ((m = GROUP_ACTION.exec(path))) {
        const group = state.groups.get(decodeSegment(m[1] ?? ''));
        if (m[2] === 'addDevices' && req.method === 'POST') return group ? addDevices(req, state, group) : groupNotFound(m[1]);
        if (m[2] === 'removeDevices' && req.method === 'DELETE') return group ? removeDevices(req, state, group) : groupNotFound(m[1]);
      }
      if (req.method === 'DELETE' && (m = GROUP.exec(path))) {
        const group = state.groups.get(decodeSegment(m[1] ?? ''));
        if (!group) return groupNotFound(m[1]);
        state.deleteGroup(group);
        return { status: 200, json: SUCCESS_TEXT.deleted };
      }
    } catch (err) {
      if (err instanceof BadEncoding) return vendorError(400, ERROR_TEXT.badBody, 'The path is not validly percent-encoded.');
      throw err;
    }
    return vendorError(404, ERROR_TEXT.routeNotFound, `No resource at ${req.method} ${req.path}`);
  };
}

function login(req: SimRequest, sessions: SimSessions): SimResponse {
  const body = readJson(req) as { username?: unknown; password?: unknown } | null;
  const id = sessions.login(body?.username, body?.password);
  if (!id) return vendorError(401, ERROR_TEXT.unauthorized, ERROR_TEXT.badLogin);
  return { status: 200, json: { status: true, SessionID: id } };
}

function groupsOfDevices(rawList: string, state: AlgosecSimState): SimResponse {
  // Names are split on the literal commas first, so an encoded comma (%2C) stays inside a name.
  const names = rawList.split(',').filter((s) => s.length > 0).map(decodeSegment);
  if (!UNKNOWN_DEVICES_IN_GROUP_QUERY_ARE_SKIPPED) {
    const unknown = state.unknownDevices(names);
    if (unknown.length) return unknownDevices(unknown);
  }
  return {
    status: 200,
    json: state.groupsOf(names).map((g) => ({ entityType: GROUP_ENTITY_TYPE, name: g.name, displayName: g.displayName, firewalls: [...g.members] })),
  };
}

function createGroup(req: SimRequest, state: AlgosecSimState): SimResponse {
  const displayName = req.query.get('displayName');
  if (!displayName) {
    return vendorError(400, ERROR_TEXT.badBody, 'The displayName query parameter is required.', [{ field: 'displayName', error: 'displayName is required' }]);
  }
  const names = deviceNamesOf(req);
  if (!Array.isArray(names)) return names;
  if (state.groups.has(displayName)) {
    return vendorError(400, ERROR_TEXT.groupExists, `A group named "${displayName}" already exists.`, [
      { field: 'displayName', error: `${displayName} already exists` },
    ]);
  }
  const unknown = state.unknownDevices(names);
  if (unknown.length) return unknownDevices(unknown);
  state.createGroup(displayName, names);
  return { status: 200, json: SUCCESS_TEXT.created };
}

function addDevices(req: SimRequest, state: AlgosecSimState, group: SimGroup): SimResponse {
  const names = deviceNamesOf(req);
  if (!Array.isArray(names)) return names;
  const unknown = state.unknownDevices(names);
  if (unknown.length) return unknownDevices(unknown);
  // Inferred: adding a device that is already a member is harmless.
  state.addMembers(group, names);
  return { status: 200, json: SUCCESS_TEXT.added };
}

function removeDevices(req: SimRequest, state: AlgosecSimState, group: SimGroup): SimResponse {
  const names = deviceNamesOf(req);
  if (!Array.isArray(names)) return names;
  const unknown = state.unknownDevices(names);
  if (unknown.length) return unknownDevices(unknown);
  const strangers = names.filter((n) => !group.members.has(n));
  if (strangers.length) {
    return vendorError(
      400,
      ERROR_TEXT.notMembers,
      `The following devices are not members of group ${group.displayName}: [${strangers.join(', ')}]`,
      strangers.map((n) => ({ field: 'deviceNames', error: `${n} is not a member of ${group.displayName}` })),
    );
  }
  if (names.length >= group.members.size) {
    return vendorError(400, ERROR_TEXT.emptyGroup, ERROR_TEXT.emptyGroupDescription, [
      { field: 'deviceNames', error: `removing these devices would leave ${group.displayName} empty` },
    ]);
  }
  state.removeMembers(group, names);
  return { status: 200, json: SUCCESS_TEXT.removed };
}

/** The body: a non-empty JSON array of device display names (duplicates ignored), or the 400 to answer. */
function deviceNamesOf(req: SimRequest): string[] | SimResponse {
  const body = readJson(req);
  if (!Array.isArray(body) || body.length === 0 || !body.every((n) => typeof n === 'string')) {
    return vendorError(400, ERROR_TEXT.badBody, 'The body must be a non-empty JSON array of device display names.', [
      { field: 'deviceNames', error: 'must be a non-empty array of strings' },
    ]);
  }
  return [...new Set(body as string[])];
}

function unknownDevices(names: string[]): SimResponse {
  return vendorError(
    400,
    ERROR_TEXT.invalidDevices,
    `The following devices could not be found: [${names.join(', ')}]`,
    names.map((n) => ({ field: 'deviceNames', error: `${n} is not a valid device` })),
  );
}

function groupNotFound(rawName: string | undefined): SimResponse {
  return vendorError(404, ERROR_TEXT.notFound, `No group named "${decodeSegment(rawName ?? '')}" exists.`);
}

class BadEncoding extends Error {}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new BadEncoding(s);
  }
}
