import { RANKED } from './device-fields';

/**
 * The hot loops of a query, as plain functions over typed arrays. They live
 * here, outside the index's closures, so each one sees the same types on
 * every call whatever the query: V8 keeps them optimized instead of
 * recompiling them when one query has operators and the next has none.
 */

/** Rank buckets, best first: exact id or name, prefix of one, substring, one typo away. */
export const EXACT = 0;
export const PREFIX = 1;
export const SUBSTRING = 2;
export const TYPO = 3;
export const NO = 255;

/** The value table (see `buildValueTable`): CSR devices and kinds per value, and the values' folded bytes. */
export interface Values {
  offsets: Uint32Array;
  devs: Uint32Array;
  kinds: Uint8Array;
  bytes: Uint8Array;
  starts: Uint32Array;
}

/** One query term's matches: rank per device (NO = none) and the devices, in `found[0 .. count)`. */
export interface TermMatches {
  rank: Uint8Array;
  found: Uint32Array;
  count: number;
}

/**
 * Adds the devices holding value v with one of `kindMask` at rank `base`
 * (only identifying kinds rank above substring); a device keeps its best rank.
 */
export function takeValue(t: Values, v: number, base: number, kindMask: number, m: TermMatches): void {
  const { offsets, kinds, devs } = t;
  const { rank, found } = m;
  let count = m.count;
  for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
    const k = kinds[p]!;
    if (!(k & kindMask)) continue;
    const r = k & RANKED ? base : base > SUBSTRING ? base : SUBSTRING;
    const d = devs[p]!;
    const prev = rank[d]!;
    if (prev === NO) found[count++] = d;
    if (r < prev) rank[d] = r;
  }
  m.count = count;
}

/**
 * Checks each candidate value for `term` (folded bytes) and takes the ones
 * that hold it. `listed`: every candidate is known to contain the term, only
 * its position is asked.
 */
export function scanCandidates(t: Values, candidates: Uint32Array, term: Uint8Array, listed: boolean, kindMask: number, m: TermMatches): void {
  const { bytes, starts, offsets, kinds, devs } = t;
  const { rank, found } = m;
  let count = m.count;
  const first = term[0]!;
  const len = term.length;
  for (let k = 0; k < candidates.length; k++) {
    const v = candidates[k]!;
    const begin = starts[v]!;
    const size = starts[v + 1]! - begin;
    if (size < len) continue;
    let base = PREFIX;
    for (let j = 0; j < len; j++) {
      if (bytes[begin + j] === term[j]) continue;
      base = SUBSTRING;
      break;
    }
    if (base === PREFIX && size === len) base = EXACT;
    else if (base === SUBSTRING && !listed) {
      let at = -1;
      outer: for (let i = begin + 1, last = begin + size - len; i <= last; i++) {
        if (bytes[i] !== first) continue;
        for (let j = 1; j < len; j++) if (bytes[i + j] !== term[j]) continue outer;
        at = i;
        break;
      }
      if (at < 0) continue;
    }
    // As in takeValue, inlined: this loop runs for every candidate of every query.
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const kind = kinds[p]!;
      if (!(kind & kindMask)) continue;
      const r = kind & RANKED ? base : SUBSTRING;
      const d = devs[p]!;
      const prev = rank[d]!;
      if (prev === NO) found[count++] = d;
      if (r < prev) rank[d] = r;
    }
  }
  m.count = count;
}

/** Where `term` occurs in value v (position from the value's start), or -1. */
export function findIn(t: Values, v: number, term: Uint8Array): number {
  const { bytes, starts } = t;
  const begin = starts[v]!;
  const last = starts[v + 1]! - term.length;
  outer: for (let i = begin; i <= last; i++) {
    for (let j = 0; j < term.length; j++) if (bytes[i + j] !== term[j]) continue outer;
    return i - begin;
  }
  return -1;
}

/**
 * A one-character term over every device's character bits (two words per
 * device): a device matches when its free text holds the symbol, as a prefix
 * when one of its identifying values starts with it.
 */
export function scanSymbols(textSymbols: Uint32Array, rankedFirst: Uint32Array, symbol: number, m: TermMatches): void {
  const word = symbol >> 5;
  const bit = 1 << (symbol & 31);
  const { rank, found } = m;
  const n = textSymbols.length / 2;
  let count = m.count;
  for (let d = 0; d < n; d++) {
    if (!(textSymbols[2 * d + word]! & bit)) continue;
    rank[d] = rankedFirst[2 * d + word]! & bit ? PREFIX : SUBSTRING;
    found[count++] = d;
  }
  m.count = count;
}

/** The characters the typo rule splits words on: @ . space _ - */
const isSeparator = (b: number) => b === 64 || b === 46 || b === 32 || b === 95 || b === 45;

/** True when some word of value v is at most one insertion, deletion or substitution from `term`. */
export function hasWordWithinOneEdit(t: Values, v: number, term: Uint8Array): boolean {
  const { bytes, starts } = t;
  const end = starts[v + 1]!;
  for (let from = starts[v]!; from < end; ) {
    let to = from;
    while (to < end && !isSeparator(bytes[to]!)) to++;
    if (to > from && withinOneEditBytes(bytes, from, to, term)) return true;
    from = to + 1;
  }
  return false;
}

function withinOneEditBytes(bytes: Uint8Array, from: number, to: number, term: Uint8Array): boolean {
  const la = to - from;
  const lb = term.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && bytes[from + i] === term[i]) i++;
  if (i === la && i === lb) return true;
  // Skip the differing character in the longer one (in both when they are as long); the rest must agree.
  const skipA = la >= lb ? 1 : 0;
  const skipB = lb >= la ? 1 : 0;
  for (let k = 0; i + skipA + k < la; k++) if (bytes[from + i + skipA + k] !== term[i + skipB + k]) return false;
  return true;
}

/** pass[i] = 1 where bytes[i] equals `want`. */
export function passWhereEqual(bytes: Uint8Array, want: number, pass: Uint8Array): void {
  for (let i = 0; i < bytes.length; i++) pass[i] = bytes[i] === want ? 1 : 0;
}

/** pass[i] = 1 where the vendor bits hold any of `mask` (or, with `all`, where they hold all of it). */
export function passWhereBits(bits: Uint8Array, mask: number, all: boolean, pass: Uint8Array): void {
  if (all) for (let i = 0; i < bits.length; i++) pass[i] = (bits[i]! & mask) === mask ? 1 : 0;
  else for (let i = 0; i < bits.length; i++) pass[i] = (bits[i]! & mask) !== 0 ? 1 : 0;
}

/** pass[i] = 1 where the device was seen less (or more, with `older`) than `ms` before `now`; never seen (NaN) fails both. */
export function passWhereSeen(lastSeen: Float64Array, now: number, ms: number, older: boolean, pass: Uint8Array): void {
  if (older) for (let i = 0; i < lastSeen.length; i++) pass[i] = now - lastSeen[i]! > ms ? 1 : 0;
  else for (let i = 0; i < lastSeen.length; i++) pass[i] = now - lastSeen[i]! < ms ? 1 : 0;
}

/** Rules out (rank NO) the devices, of `ids` or all of them, whose pass is not `want`. */
export function ruleOut(rank: Uint8Array, pass: Uint8Array, want: number, ids: Uint32Array | null): void {
  if (ids) {
    for (let k = 0; k < ids.length; k++) if (pass[ids[k]!] !== want) rank[ids[k]!] = NO;
  } else for (let i = 0; i < rank.length; i++) if (pass[i] !== want) rank[i] = NO;
}

/** Writes to `out` the devices of `ids` still ranked; returns how many. */
export function stillRanked(rank: Uint8Array, ids: Uint32Array, out: Uint32Array): number {
  let count = 0;
  for (let k = 0; k < ids.length; k++) if (rank[ids[k]!] !== NO) out[count++] = ids[k]!;
  return count;
}

/** How many devices hold each rank: buckets[0..3], and the unranked in buckets[4]. */
export function rankBuckets(rank: Uint8Array): Uint32Array {
  // Counters in locals: incrementing one array cell per device would stall on its own previous store.
  let exact = 0;
  let prefix = 0;
  let substring = 0;
  let typo = 0;
  for (let i = 0; i < rank.length; i++) {
    const r = rank[i]!;
    if (r === NO) continue;
    if (r === SUBSTRING) substring++;
    else if (r === PREFIX) prefix++;
    else if (r === EXACT) exact++;
    else typo++;
  }
  return Uint32Array.of(exact, prefix, substring, typo, rank.length - exact - prefix - substring - typo);
}

/**
 * Matches offset .. offset+limit, best rank first and then by name: one
 * sweep of the name order, stopped as soon as the page is full.
 */
export function pageInNameOrder(rank: Uint8Array, buckets: Uint32Array, byName: Uint32Array, offset: number, limit: number): Uint32Array {
  const total = buckets[0]! + buckets[1]! + buckets[2]! + buckets[3]!;
  const end = Math.min(total, offset + limit);
  if (offset >= end) return new Uint32Array(0);
  const out = new Uint32Array(end - offset);
  // Rank r fills result positions from next[r] on.
  const next = new Uint32Array(4);
  for (let r = 1; r < 4; r++) next[r] = next[r - 1]! + buckets[r - 1]!;
  let left = end - offset;
  for (let j = 0; j < byName.length && left > 0; j++) {
    const i = byName[j]!;
    const r = rank[i]!;
    if (r === NO) continue;
    const at = next[r]!++;
    if (at >= offset && at < end) {
      out[at - offset] = i;
      left--;
    }
  }
  return out;
}
