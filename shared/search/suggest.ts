import { VENDORS } from '../vendors';
import { OPERATORS, type Operator } from './query';

export interface Suggestion {
  label: string;
  /** Replaces the token under the cursor. */
  insert: string;
  detail?: string;
}

export interface Dictionaries {
  groups: Array<{ name: string; count: number }>;
  users: string[];
  owners: string[];
}

const quote = (v: string) => (/[\s"]/.test(v) ? `"${v.replace(/"/g, '')}"` : v);
const MAX = 10;

function fromSorted(sorted: string[], prefix: string): string[] {
  // Binary search for the first value with this prefix, then take a few.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.toLowerCase() < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && out.length < MAX && sorted[i]!.toLowerCase().startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

const FIXED: Partial<Record<Operator, Array<[string, string]>>> = {
  status: [
    ['active', 'agent reporting'],
    ['inactive', 'agent inactive'],
    ['disabled', 'agent disabled'],
  ],
  stolen: [
    ['yes', 'reported stolen'],
    ['no', 'not reported stolen'],
  ],
  seen: [
    ['>7d', 'not seen for 7 days'],
    ['>30d', 'not seen for 30 days'],
    ['<24h', 'seen in the last 24 hours'],
    ['<1h', 'seen in the last hour'],
  ],
  vendor: VENDORS.map((v) => [v, `present at ${v}`]),
  unlinked: [['any', 'missing at one vendor or more'], ...VENDORS.map((v): [string, string] => [v, `missing at ${v}`])],
};

/** Autocomplete for the token under the cursor: operator names, then values for the operator typed. */
export function suggestFor(text: string, cursor: number, dict: Dictionaries): Suggestion[] {
  let start = Math.min(cursor, text.length);
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let token = text.slice(start, cursor);
  const neg = token.startsWith('-') ? '-' : '';
  token = token.slice(neg.length);
  const colon = token.indexOf(':');
  if (colon === -1) {
    const t = token.toLowerCase();
    return (Object.keys(OPERATORS) as Operator[]).filter((op) => op.startsWith(t) && op !== t).map((op) => ({ label: `${op}:`, insert: `${neg}${op}:`, detail: OPERATORS[op] }));
  }
  const op = token.slice(0, colon).toLowerCase() as Operator;
  const value = token.slice(colon + 1).replace(/^"/, '').toLowerCase();
  const make = (v: string, detail?: string): Suggestion => ({ label: `${op}:${v}`, insert: `${neg}${op}:${quote(v)} `, detail });
  const fixed = FIXED[op];
  // A value already typed in full needs no suggestion.
  if (fixed) return fixed.filter(([v]) => v.startsWith(value) && v !== value).map(([v, d]) => make(v, d));
  if (op === 'group')
    return dict.groups
      .filter((g) => g.name.toLowerCase().includes(value))
      .slice(0, MAX)
      .map((g) => make(g.name, `${g.count} devices`));
  if (op === 'user') return fromSorted(dict.users, value).map((u) => make(u));
  if (op === 'owner') return fromSorted(dict.owners, value).map((u) => make(u));
  return [];
}
