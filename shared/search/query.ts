import { VENDORS, type VendorId } from '../vendors';
import { fold } from './fold';

/**
 * The search language. Free text plus operators, `-` to negate, quotes for
 * spaces. Parsing never throws: problems come back as errors with positions
 * and a hint, and the rest of the query still runs.
 */
export const OPERATORS = {
  serial: 'serial number (any vendor)',
  name: 'system, device or display name',
  user: 'Absolute username',
  group: 'AlgoSec group',
  owner: 'Insiders manager or Telemetron customer; owner:who@2026-03-03 for a past date',
  vendor: 'present at a vendor (vendor:absolute,insiders)',
  status: 'active, inactive or disabled (Absolute agent)',
  stolen: 'yes or no',
  seen: 'last seen, e.g. seen:>7d or seen:<24h',
  unlinked: 'missing at a vendor (unlinked:algosec, or unlinked:any)',
} as const;
export type Operator = keyof typeof OPERATORS;
export type TextField = 'serial' | 'name' | 'user' | 'group' | 'owner';

export interface QueryError {
  start: number;
  end: number;
  message: string;
  hint?: string;
}

interface Span {
  negate: boolean;
  start: number;
  end: number;
}
export type Clause = Span &
  (
    | { kind: 'text'; value: string }
    | { kind: 'field'; field: TextField; value: string; asOf?: number }
    | { kind: 'vendor'; vendors: VendorId[] }
    | { kind: 'status'; status: 'active' | 'inactive' | 'disabled' }
    | { kind: 'stolen'; value: boolean }
    | { kind: 'seen'; cmp: '>' | '<'; ms: number }
    | { kind: 'unlinked'; vendors: readonly VendorId[] }
  );

export interface ParsedQuery {
  clauses: Clause[];
  errors: QueryError[];
}

const VENDOR_ALIASES: Record<string, VendorId> = { abs: 'absolute', tel: 'telemetron', ins: 'insiders', alg: 'algosec', afa: 'algosec' };
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

function vendorOf(word: string): VendorId | null {
  const w = word.toLowerCase();
  return (VENDORS as readonly string[]).includes(w) ? (w as VendorId) : (VENDOR_ALIASES[w.slice(0, 3)] ?? null);
}

interface Token {
  text: string;
  start: number;
  end: number;
  negate: boolean;
  /** Where the operator's value starts in `text` (after `op:`), or -1. */
  colon: number;
  unclosedQuote: number | null;
}

/** Splits on whitespace outside quotes; quotes are removed from the token text. */
function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    while (i < q.length && /\s/.test(q[i]!)) i++;
    if (i >= q.length) break;
    const start = i;
    let negate = false;
    if (q[i] === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      negate = true;
      i++;
    }
    let text = '';
    let colon = -1;
    let unclosedQuote: number | null = null;
    while (i < q.length && !/\s/.test(q[i]!)) {
      const ch = q[i]!;
      if (ch === '"') {
        const close = q.indexOf('"', i + 1);
        if (close === -1) {
          unclosedQuote = i;
          text += q.slice(i + 1);
          i = q.length;
          break;
        }
        text += q.slice(i + 1, close);
        i = close + 1;
        continue;
      }
      if (ch === ':' && colon === -1 && /^[a-z]+$/i.test(text)) colon = text.length + 1;
      text += ch;
      i++;
    }
    out.push({ text, start, end: i, negate, colon, unclosedQuote });
  }
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/** `who@2026-03-03` → who + instant (local time); a trailing part that is not an email domain must be a date. */
function splitAsOf(value: string): { who: string; asOf?: number; badDate?: string } {
  const at = value.lastIndexOf('@');
  if (at <= 0) return { who: value };
  const tail = value.slice(at + 1);
  if (!/^\d/.test(tail)) return { who: value };
  const m = DATE.exec(tail);
  if (!m) return { who: value.slice(0, at), badDate: tail };
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)).getTime();
  if (Number.isNaN(t) || Number(m[2]) > 12 || Number(m[3]) > 31) return { who: value.slice(0, at), badDate: tail };
  return { who: value.slice(0, at), asOf: t };
}

export function parseQuery(q: string): ParsedQuery {
  const clauses: Clause[] = [];
  const errors: QueryError[] = [];
  for (const t of tokenize(q)) {
    const span = { negate: t.negate, start: t.start, end: t.end };
    if (t.unclosedQuote !== null) errors.push({ start: t.unclosedQuote, end: q.length, message: 'Unclosed quote', hint: 'Close it with " — the rest is searched as one phrase' });
    if (t.colon === -1) {
      if (t.text) clauses.push({ ...span, kind: 'text', value: fold(t.text) });
      continue;
    }
    const op = t.text.slice(0, t.colon - 1).toLowerCase();
    const raw = t.text.slice(t.colon);
    const valueStart = t.start + (t.negate ? 1 : 0) + t.colon;
    const err = (message: string, hint?: string) => errors.push({ start: valueStart, end: t.end, message, hint });
    if (!(op in OPERATORS)) {
      errors.push({ start: t.start, end: t.start + (t.negate ? 1 : 0) + t.colon, message: `Unknown operator ${op}:`, hint: `Use one of ${Object.keys(OPERATORS).map((o) => `${o}:`).join(' ')} — or quote the text to search it as is` });
      continue;
    }
    const operator = op as Operator;
    if (!raw && operator !== 'unlinked') {
      err(`${operator}: needs a value`, OPERATORS[operator]);
      continue;
    }
    switch (operator) {
      case 'serial':
      case 'name':
      case 'user':
      case 'group':
        clauses.push({ ...span, kind: 'field', field: operator, value: fold(raw) });
        break;
      case 'owner': {
        const { who, asOf, badDate } = splitAsOf(raw);
        if (badDate !== undefined) err(`"${badDate}" is not a date`, 'Dates look like 2026-03-03 or 2026-03-03T14:00 (your local time)');
        else clauses.push({ ...span, kind: 'field', field: 'owner', value: fold(who), ...(asOf !== undefined ? { asOf } : {}) });
        break;
      }
      case 'vendor': {
        const vendors = raw.split(',').map(vendorOf);
        if (vendors.some((v) => v === null)) err(`Unknown vendor in "${raw}"`, `Use ${VENDORS.join(', ')} (comma separated)`);
        else clauses.push({ ...span, kind: 'vendor', vendors: vendors as VendorId[] });
        break;
      }
      case 'unlinked': {
        if (!raw || /^(any|yes)$/i.test(raw)) {
          clauses.push({ ...span, kind: 'unlinked', vendors: VENDORS });
          break;
        }
        const vendors = raw.split(',').map(vendorOf);
        if (vendors.some((v) => v === null)) err(`Unknown vendor in "${raw}"`, `Use unlinked:any or a vendor: ${VENDORS.join(', ')}`);
        else clauses.push({ ...span, kind: 'unlinked', vendors: vendors as VendorId[] });
        break;
      }
      case 'status': {
        const s = raw.toLowerCase();
        if (s === 'active' || s === 'inactive' || s === 'disabled') clauses.push({ ...span, kind: 'status', status: s });
        else err(`Unknown status "${raw}"`, 'Use status:active, status:inactive or status:disabled');
        break;
      }
      case 'stolen': {
        const s = raw.toLowerCase();
        if (['yes', 'true', 'y'].includes(s)) clauses.push({ ...span, kind: 'stolen', value: true });
        else if (['no', 'false', 'n'].includes(s)) clauses.push({ ...span, kind: 'stolen', value: false });
        else err(`stolen: takes yes or no, not "${raw}"`, 'Use stolen:yes or stolen:no');
        break;
      }
      case 'seen': {
        const m = /^([<>])(\d+(?:\.\d+)?)([mhdw])$/i.exec(raw);
        if (!m) err(`Cannot read "${raw}" as a time`, 'Use seen:>7d (not seen for 7 days) or seen:<24h (seen in the last 24 hours); units m, h, d, w');
        else clauses.push({ ...span, kind: 'seen', cmp: m[1] as '<' | '>', ms: Number(m[2]) * UNITS[m[3]!.toLowerCase()]! });
        break;
      }
    }
  }
  return { clauses, errors };
}
