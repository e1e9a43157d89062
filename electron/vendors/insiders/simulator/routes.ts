import { OPEN_END } from '../../../../shared/model';
import type { InsidersSeedDevice, InsidersSeedOwnership } from '../../demo-fleet/seed-types';
import { readJson, type SimRequest, type SimResponse } from '../../simulator-kit/server';
import { DETAIL_MESSAGES, DEVICES_PATH, MAX_PAGE_SIZE, OWNERSHIPS_PATH } from '../inferred';
import type { SimTokenServer } from './oauth';
import type { InsidersSimState } from './state';

export const TOKEN_PATH = '/oauth2/token/';
const DEFAULT_PAGE_SIZE = 100;
const RELEASE_RE = /^\/v1\/device-ownerships\/(\d+)\/release\/$/;

const detail = (status: number, message: string): SimResponse => ({ status, json: { detail: message } });

/** Routes one request to the token server or the API (same paths, bodies and statuses as the client expects). */
export function insidersRoutes(state: InsidersSimState, tokens: SimTokenServer, now: () => number) {
  return (req: SimRequest): SimResponse => {
    if (req.path === TOKEN_PATH) return tokens.handle(req);
    if (!tokens.authorized(req)) {
      return { ...detail(401, DETAIL_MESSAGES.badToken), headers: { 'www-authenticate': 'Bearer realm="api"' } };
    }
    if (req.method === 'GET' && req.path === DEVICES_PATH) return listDevices(req, state);
    if (req.method === 'GET' && req.path === OWNERSHIPS_PATH) return listOwnerships(req, state);
    if (req.method === 'POST' && req.path === OWNERSHIPS_PATH) return take(req, state, now);
    const release = RELEASE_RE.exec(req.path);
    if (req.method === 'POST' && release) return releaseSpan(Number(release[1]), state, now);
    return detail(404, DETAIL_MESSAGES.notFound);
  };
}

function listDevices(req: SimRequest, state: InsidersSimState): SimResponse {
  const serial = req.query.get('serial_number');
  const current = req.query.get('current') === 'true';
  if (serial !== null) {
    // Map lookup, not a scan: the serial filter is the app's per-device call.
    const d = state.devicesBySerial.get(serial);
    const visible = d !== undefined && (!current || state.ownsNow(d.id));
    return paginate(req, visible ? [d] : [], (x) => x);
  }
  const rows: readonly InsidersSeedDevice[] = current ? state.currentDevices() : state.allDevices();
  return paginate(req, rows, (d) => d);
}

function listOwnerships(req: SimRequest, state: InsidersSimState): SimResponse {
  const device = req.query.get('device');
  const rows = device ? (state.ownershipsByDevice.get(Number(device)) ?? []) : state.ownerships;
  return paginate(req, rows, (o) => ownershipWire(o, state));
}

function take(req: SimRequest, state: InsidersSimState, now: () => number): SimResponse {
  const body = readJson(req) as { serial_number?: unknown; device_name?: unknown } | null;
  if (!body || typeof body.serial_number !== 'string' || typeof body.device_name !== 'string') {
    return detail(400, DETAIL_MESSAGES.missingFields);
  }
  const device = state.devicesBySerial.get(body.serial_number);
  if (!device || device.device_name !== body.device_name) return detail(400, DETAIL_MESSAGES.unknownDevice);
  // Another manager's open span does not stop a take (inferred, see ../inferred.ts): the device then has two owners.
  if (state.ownsNow(device.id)) return detail(400, DETAIL_MESSAGES.ownedByYou);
  return { status: 201, json: ownershipWire(state.openOwnership(device.id, state.managerId, timestamp(now())), state) };
}

function releaseSpan(id: number, state: InsidersSimState, now: () => number): SimResponse {
  const own = state.ownershipsById.get(id);
  if (!own) return detail(404, DETAIL_MESSAGES.notFound);
  if (own.manager !== state.managerId) return detail(403, 'You do not have permission to perform this action.');
  if (own.end_time !== OPEN_END) return detail(400, DETAIL_MESSAGES.alreadyReleased);
  state.closeOwnership(own, timestamp(now()));
  return { status: 200, json: ownershipWire(own, state) };
}

function ownershipWire(o: InsidersSeedOwnership, state: InsidersSimState) {
  const d = state.devices.get(o.device);
  return {
    ...o,
    device_details: { id: o.device, device_name: d?.device_name ?? '', serial_number: d?.serial_number ?? '' },
  };
}

/** DRF page-number pagination with `page` and `limit` (capped); out-of-range pages are 404 "Invalid page.". */
function paginate<T>(req: SimRequest, rows: readonly T[], toWire: (row: T) => unknown): SimResponse {
  const limitRaw = Number(req.query.get('limit') ?? DEFAULT_PAGE_SIZE);
  const pageRaw = Number(req.query.get('page') ?? 1);
  if (!Number.isInteger(pageRaw) || pageRaw < 1 || !Number.isInteger(limitRaw) || limitRaw < 1) return detail(404, 'Invalid page.');
  const limit = Math.min(limitRaw, MAX_PAGE_SIZE);
  const start = (pageRaw - 1) * limit;
  if (pageRaw > 1 && start >= rows.length) return detail(404, 'Invalid page.');
  const link = (page: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(page));
    return `http://${req.headers.host ?? 'localhost'}${req.path}?${q.toString()}`;
  };
  return {
    status: 200,
    json: {
      count: rows.length,
      next: start + limit < rows.length ? link(pageRaw + 1) : null,
      previous: pageRaw > 1 ? link(pageRaw - 1) : null,
      results: rows.slice(start, start + limit).map(toWire),
    },
  };
}

/** Insiders timestamps carry microseconds: 2024-01-01T06:00:00.000000Z. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
