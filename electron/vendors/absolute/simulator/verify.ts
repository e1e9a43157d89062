import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The simulator's own ABS1-HMAC-SHA-256 check, written from VENDOR-NOTES.md
 * separately from the client's sign.ts, so a shared mistake cannot pass
 * unnoticed. It rebuilds the canonical query from the query string exactly
 * as received: a client that encodes differently on the wire than it signs
 * fails here, as it would at Absolute.
 */
export type VerifyResult = { ok: true; tokenId: string } | { ok: false; reason: 'signature' | 'clock' };

const AUTH = /^ABS1-HMAC-SHA-256 Credential=([^/]+)\/(\d{8})\/([a-z]+)\/abs1, SignedHeaders=host;content-type;x-abs-date, Signature=([0-9a-f]{64})$/;
const DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function hex(data: string) {
  return createHash('sha256').update(data).digest('hex');
}

export function verifyAbsoluteSignature(input: {
  method: string;
  path: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  secretOf: (tokenId: string) => string | undefined;
  serverNow: number;
  windowMs: number;
}): VerifyResult {
  const header = (name: string) => {
    const v = input.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const auth = AUTH.exec(header('authorization') ?? '');
  const xAbsDate = header('x-abs-date') ?? '';
  const date = DATE.exec(xAbsDate);
  if (!auth || !date) return { ok: false, reason: 'signature' };
  const [, tokenId, day, region, signature] = auth as unknown as [string, string, string, string, string];
  const sentAt = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!);
  if (Math.abs(input.serverNow - sentAt) > input.windowMs) return { ok: false, reason: 'clock' };
  const secret = input.secretOf(tokenId);
  if (secret === undefined || day !== xAbsDate.slice(0, 8)) return { ok: false, reason: 'signature' };

  // Canonical query: the received pairs, sorted by their decoded name, kept as they were encoded.
  let pairs: Array<{ raw: string; name: string }>;
  try {
    pairs = input.rawQuery ? input.rawQuery.split('&').map((p) => ({ raw: p, name: decodeURIComponent(p.split('=')[0] ?? '') })) : [];
  } catch {
    return { ok: false, reason: 'signature' };
  }
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const canonical = [
    input.method,
    input.path,
    pairs.map((p) => p.raw).join('&'),
    `host:${header('host') ?? ''}`,
    `content-type:${header('content-type') ?? ''}`,
    `x-abs-date:${xAbsDate}`,
    hex(input.body),
  ].join('\n');
  const toSign = `ABS1-HMAC-SHA-256\n${xAbsDate}\n${day}/${region}/abs1\n${hex(canonical)}`;
  let key = createHmac('sha256', `ABS1${secret}`).update(day).digest();
  key = createHmac('sha256', key).update('abs1_request').digest();
  const expected = createHmac('sha256', key).update(toSign).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true, tokenId } : { ok: false, reason: 'signature' };
}
