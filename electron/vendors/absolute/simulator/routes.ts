import type { SimRequest, SimResponse } from '../../simulator-kit/server';
import { CLOCK_WINDOW_MS, MESSAGES, PAGE_MAX } from '../inferred';
import { parseFilter } from './filter';
import type { AbsoluteSimState } from './state';
import { verifyAbsoluteSignature } from './verify';

export const absoluteError = (status: number, message: string): SimResponse => ({ status, json: { message } });

/** The doc's own invalid example (a `[` where a `{` belongs): what a broken gateway might send back. */
export const MALFORMED_UNENROLL_BODY = `[
{
  "deviceUid": "56be8d1f-2eb8-4e9b-bbd6-1aab032abcde",
  "systemName": "LPTP_TJordan",
  "username": "tjordan@abccompany.com",
  "eligibleStatus": 0,
  "serial": "CNF83051BN",
  "esn": "2BU2PJD28VAA1UYL0008"
},
[
  "deviceUid": "56be8d1f-2eb8-4e9b-bbd6-3ccd032cdefa",
  "systemName": "DKTP_TJordan",
  "eligibleStatus": 2
]
]`;

export interface AbsoluteSimSwitches {
  clockOffsetMs: number;
  malformedUnenroll: boolean;
}

const GATEWAY_403 = '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>';

export function absoluteRoutes(state: AbsoluteSimState, tokens: Map<string, string>, switches: AbsoluteSimSwitches, now: () => number, noAccess: ReadonlySet<string> = new Set()) {
  return (req: SimRequest): SimResponse => {
    const known = (req.method === 'GET' && req.path === '/v2/reporting/devices') || (req.method === 'POST' && req.path === '/v2/device-unenrollment/unenroll');
    if (!known) return req.path.startsWith('/v2/') ? { status: 403, raw: GATEWAY_403, headers: { 'content-type': 'text/html' } } : absoluteError(404, 'Not found.');

    const check = verifyAbsoluteSignature({
      method: req.method,
      path: req.path,
      rawQuery: req.rawQuery,
      headers: req.headers,
      body: req.body,
      secretOf: (id) => tokens.get(id),
      serverNow: now() + switches.clockOffsetMs,
      windowMs: CLOCK_WINDOW_MS,
    });
    const dateHeader = { date: new Date(now() + switches.clockOffsetMs).toUTCString() };
    if (!check.ok) return { ...absoluteError(401, check.reason === 'clock' ? MESSAGES.clockWindow : MESSAGES.badSignature), headers: dateHeader };
    if (noAccess.has(check.tokenId)) return absoluteError(403, MESSAGES.forbidden);

    if (req.method === 'GET') {
      const top = req.query.has('$top') ? Number(req.query.get('$top')) : PAGE_MAX;
      const skip = req.query.has('$skip') ? Number(req.query.get('$skip')) : 0;
      if (!Number.isInteger(top) || top < 1 || top > PAGE_MAX || !Number.isInteger(skip) || skip < 0) return absoluteError(400, MESSAGES.badFormat);
      const raw = req.query.get('$filter');
      const test = raw ? parseFilter(raw) : null;
      if (raw && !test) return absoluteError(400, MESSAGES.badFormat);
      const rows = test ? state.listed().filter(test) : state.listed();
      return { status: 200, json: rows.slice(skip, skip + top) };
    }

    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return absoluteError(400, MESSAGES.badFormat);
    }
    if (!Array.isArray(body) || body.some((e) => typeof e !== 'object' || e === null || typeof (e as { deviceUid?: unknown }).deviceUid !== 'string')) {
      return absoluteError(400, MESSAGES.badFormat);
    }
    const results = [];
    for (const { deviceUid } of body as Array<{ deviceUid: string }>) {
      const r = state.unenroll(deviceUid);
      // Inferred: a uid the account does not know is left out of the answer.
      if (r) results.push({ deviceUid, systemName: r.device.systemName, username: r.device.username, eligibleStatus: r.eligibleStatus, serial: r.device.serial, esn: r.device.esn });
    }
    if (switches.malformedUnenroll) return { status: 200, raw: MALFORMED_UNENROLL_BODY, headers: { 'content-type': 'application/json; charset=UTF-8' } };
    return { status: 200, json: results };
  };
}
