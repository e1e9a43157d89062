import { createHash, createHmac } from 'node:crypto';
import type { AbsoluteRegion } from '../../../shared/vendors';

/**
 * ABS1-HMAC-SHA-256 request signing for Absolute API v2, exactly as
 * VENDOR-NOTES.md describes it. Pure: the same input always gives the same
 * headers, so it is tested with hand-computed vectors.
 */
export const ABS_ALGORITHM = 'ABS1-HMAC-SHA-256';

/** Percent-encodes every UTF-8 byte except A-Z a-z 0-9 - _ . ~ (stricter than encodeURIComponent). */
export function strictEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Parameters sorted by name, `name=value` strictly encoded, joined by `&` (also what goes on the wire). */
export function canonicalQuery(query: Readonly<Record<string, string>>): string {
  return Object.keys(query)
    .sort()
    .map((name) => `${strictEncode(name)}=${strictEncode(query[name]!)}`)
    .join('&');
}

/** `YYYYMMDDThhmmssZ` in UTC. */
export function absDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export interface SignInput {
  method: string;
  /** host[:port] exactly as sent in the Host header. */
  host: string;
  path: string;
  query: Readonly<Record<string, string>>;
  contentType: string;
  /** The exact body sent ('' for none). */
  body: string;
  date: Date;
  region: AbsoluteRegion;
  tokenId: string;
  tokenSecret: string;
}

export interface SignedHeaders {
  host: string;
  'content-type': string;
  'x-abs-date': string;
  authorization: string;
}

export function canonicalRequest(i: Omit<SignInput, 'region' | 'tokenId' | 'tokenSecret' | 'date'> & { xAbsDate: string }): string {
  return [i.method.toUpperCase(), i.path, canonicalQuery(i.query), `host:${i.host}`, `content-type:${i.contentType}`, `x-abs-date:${i.xAbsDate}`, sha256(i.body)].join('\n');
}

export function signAbsoluteRequest(i: SignInput): SignedHeaders {
  const xAbsDate = absDate(i.date);
  const day = xAbsDate.slice(0, 8);
  const scope = `${day}/${i.region}/abs1`;
  const stringToSign = [ABS_ALGORITHM, xAbsDate, scope, sha256(canonicalRequest({ ...i, xAbsDate }))].join('\n');
  const kDate = hmac(Buffer.from(`ABS1${i.tokenSecret}`, 'utf8'), day);
  const kSigning = hmac(kDate, 'abs1_request');
  const signature = hmac(kSigning, stringToSign).toString('hex');
  return {
    host: i.host,
    'content-type': i.contentType,
    'x-abs-date': xAbsDate,
    authorization: `${ABS_ALGORITHM} Credential=${i.tokenId}/${scope}, SignedHeaders=host;content-type;x-abs-date, Signature=${signature}`,
  };
}
