import type { FleetDevice } from '../model';
import { normalizeSerial } from '../fleet/normalize';
import type { VendorId } from '../vendors';
import { FREE_TEXT, KIND, PRESENT, STATUS } from './device-fields';
import { OTHER, gramsAreExact, gramsOf, intersect, list, symbolOf } from './grams';
import { buildIndexData, type IndexData } from './index-data';
import { parseQuery, type Clause, type ParsedQuery, type QueryError } from './query';
import {
  EXACT,
  NO,
  PREFIX,
  SUBSTRING,
  TYPO,
  findIn,
  hasWordWithinOneEdit,
  pageInNameOrder,
  passWhereBits,
  passWhereEqual,
  passWhereSeen,
  rankBuckets,
  ruleOut,
  scanCandidates,
  scanSymbols,
  stillRanked,
  takeValue,
  type TermMatches,
  type Values,
} from './scan';
import { StringTable } from './string-table';
import { suggestFor, type Dictionaries, type Suggestion } from './suggest';
import { withinOneEdit } from './typo';
import { NON_ASCII } from './values';

export type { IndexData } from './index-data';
export type { ParsedQuery, QueryError } from './query';
export type { Suggestion } from './suggest';

export interface SearchResult {
  /** How many devices match. */
  total: number;
  errors: QueryError[];
  /**
   * Every match (indexes into the array the index was built from), best
   * first. Ordered on first use: `page` is cheaper for what is on screen.
   */
  readonly ids: Uint32Array;
  /** Matches offset .. offset+limit in result order, ordering only as far as that page needs. */
  page(offset: number, limit: number): Uint32Array;
}

export interface SearchIndex {
  readonly size: number;
  /** What the index is made of, to save it and reopen it with `openSearchIndex`. */
  readonly data: IndexData;
  search(q: string | ParsedQuery, o?: { now?: number }): SearchResult;
  /** Paste: tokens split on newline, comma, tab or semicolon; exact serial / name / esn / id matches. */
  matchList(text: string): { ids: Uint32Array; notFound: string[]; tokens: number };
  suggest(text: string, cursor: number): Suggestion[];
}

/** Results smaller than this are sorted at once; larger ones are ordered page by page. */
const SORT_AT_ONCE = 1024;

const FIELD_KINDS = { serial: KIND.serial, name: KIND.name, user: KIND.user, group: KIND.group, owner: KIND.owner } as const;

/** One clause's matches: rank per device (NO = no match) and the matching devices. */
interface Matches {
  rank: Uint8Array;
  devices: Uint32Array;
}

/** A query's matches before ordering: rank per device (NO = not matched) and how many matched. */
interface Outcome {
  rank: Uint8Array;
  /** The matched devices when known as a list (else: every device whose rank is not NO). */
  ids: Uint32Array | null;
  count: number;
}

const vendorMask = (vendors: readonly VendorId[]) => vendors.reduce((m, v) => m | PRESENT[v], 0);

/** A result ordered on demand: by `order(offset, limit)`, or from the full list once it exists. */
class Ranked implements SearchResult {
  constructor(
    readonly total: number,
    readonly errors: QueryError[],
    private readonly order: (offset: number, limit: number) => Uint32Array,
    private all: Uint32Array | null = null,
  ) {}

  get ids(): Uint32Array {
    return (this.all ??= this.order(0, this.total));
  }

  page(offset: number, limit: number): Uint32Array {
    return this.all ? this.all.slice(offset, offset + limit) : this.order(offset, limit);
  }
}

/** Builds the device search index of a fleet. */
export function buildSearchIndex(devices: readonly FleetDevice[], options: { now?: number } = {}): SearchIndex {
  return openSearchIndex(buildIndexData(devices), options);
}

/**
 * The device search index over its data. Searchable text is kept as distinct
 * values (a serial, a name, an email...) with a trigram index over them, so a
 * query verifies short strings only and learns exact / prefix / substring in
 * one pass. Operators read typed arrays. Results are ranked, and ordered only
 * as far as the page asked for.
 */
export function openSearchIndex(data: IndexData, options: { now?: number } = {}): SearchIndex {
  const { size: n, valueText, valueStarts, offsets, devs, kinds, status, stolen, lastSeen, present, byName, namePos } = data;
  const valueCount = valueStarts.length - 1;
  const valueAt = (v: number) => valueText.slice(valueStarts[v]!, valueStarts[v + 1]!);
  const { textSymbols, rankedFirst, shortValues, spanOffsets, spanStart, spanEnd, spanValue } = data;
  const t: Values = { offsets, devs, kinds, bytes: data.bytes, starts: data.starts };
  const folded = new Map(data.folded);
  const table = new StringTable(0, data.tableSlots, valueAt);
  const tri = { offsets: data.triOffsets, ids: data.triIds };
  const bi = { offsets: data.biOffsets, ids: data.biIds };
  const hasKind = (v: number, kind: number) => {
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (kinds[p]! & kind) return true;
    return false;
  };

  // Autocomplete dictionaries (original spelling), each made when an operator first needs it.
  let groups: Dictionaries['groups'] | null = null;
  let users: string[] | null = null;
  let owners: string[] | null = null;
  const dict: Dictionaries = {
    get groups() {
      return (groups ??= Array.from(data.groupValues, (v, i) => ({ name: valueAt(v), count: data.groupCounts[i]! })));
    },
    get users() {
      return (users ??= Array.from(data.userValues, valueAt));
    },
    get owners() {
      return (owners ??= Array.from(data.ownerValues, valueAt));
    },
  };

  // Per-query working memory, allocated once: allocating large typed arrays on
  // every keystroke would make V8 run full collections over the whole heap.
  const scratchBytes = new Map<string, Uint8Array>();
  const bytesFor = (slot: string, size: number) => {
    let b = scratchBytes.get(slot);
    if (!b) scratchBytes.set(slot, (b = new Uint8Array(size)));
    return b;
  };
  const scratchIds = new Map<string, Uint32Array>();
  const idsFor = (slot: string) => {
    let b = scratchIds.get(slot);
    if (!b) scratchIds.set(slot, (b = new Uint32Array(n)));
    return b;
  };
  let intersectScratch: [Uint32Array, Uint32Array] | null = null;
  /** A clause's matches, in working memory of its own slot. */
  const matchesFor = (slot: number): TermMatches => ({ rank: bytesFor(`match${slot}`, n).fill(NO), found: idsFor(`match${slot}`), count: 0 });
  const devicesOf = (m: TermMatches) => ({ rank: m.rank, devices: m.found.subarray(0, m.count) });

  // Values having one of some kinds (what a one-character operator value is checked against), made when first asked.
  const kindValues = new Map<number, Uint32Array>();
  function valuesWithKind(kindMask: number): Uint32Array {
    let out = kindValues.get(kindMask);
    if (!out) {
      const found: number[] = [];
      for (let v = 0; v < valueCount; v++) if (hasKind(v, kindMask)) found.push(v);
      kindValues.set(kindMask, (out = Uint32Array.from(found)));
    }
    return out;
  }

  /** Values that may contain `term` (a superset from the gram lists; one character checks the values of these kinds). */
  function candidateValues(term: string, kindMask: number): Uint32Array {
    if (term.length >= 3) return intersect(gramsOf(term, 3).map((c) => list(tri, c)), (intersectScratch ??= [new Uint32Array(valueCount), new Uint32Array(valueCount)]));
    if (term.length === 2) return list(bi, gramsOf(term, 2)[0]!);
    return valuesWithKind(kindMask);
  }

  // The term (already folded) as bytes like the values': characters outside ASCII become NON_ASCII.
  const termBytesOf = (term: string) => Uint8Array.from(term, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : NON_ASCII));

  /** Devices with a value of one of `kindMask` containing `term` (or equal to it when `exactOnly`). */
  function matchTerm(term: string, kindMask: number, slot: number, exactOnly = false): Matches {
    const m = matchesFor(slot);
    if (!term) return devicesOf(m);
    if (exactOnly) {
      const v = table.get(term);
      if (v >= 0) takeValue(t, v, EXACT, kindMask, m);
      return devicesOf(m);
    }
    const code = term.charCodeAt(0);
    if (term.length === 1 && kindMask === FREE_TEXT && code < 128 && symbolOf(code) !== OTHER) {
      // One character matches most of the fleet: each device's character bits answer without reading its values.
      scanSymbols(textSymbols, rankedFirst, symbolOf(code), m);
      // The term is folded (lower case), like the bytes.
      for (let k = 0; k < shortValues.length; k++) if (t.bytes[t.starts[shortValues[k]!]!] === code) takeValue(t, shortValues[k]!, EXACT, kindMask, m);
      return devicesOf(m);
    }
    const candidates = candidateValues(term, kindMask);
    const termBytes = termBytesOf(term);
    if (termBytes.includes(NON_ASCII)) {
      // A term with characters outside ASCII is checked on the folded strings instead of the bytes.
      for (const v of candidates) {
        const at = (folded.get(v) ?? valueAt(v).toLowerCase()).indexOf(term);
        if (at >= 0) takeValue(t, v, at > 0 ? SUBSTRING : t.starts[v + 1]! - t.starts[v]! === term.length ? EXACT : PREFIX, kindMask, m);
      }
      return devicesOf(m);
    }
    // Two or three characters of the alphabet: the gram list holds exactly the values containing the term.
    const listed = (term.length === 2 || term.length === 3) && gramsAreExact(term);
    scanCandidates(t, candidates, termBytes, listed, kindMask, m);
    return devicesOf(m);
  }

  /**
   * Values with a word one typo away from a long term. One insertion,
   * deletion or substitution changes at most two of the term's bigrams, so
   * such a value holds one of any three of them: only the values of its three
   * rarest bigrams are checked, each with a real edit-distance test per word.
   */
  function matchTypo(term: string, kindMask: number, slot: number): Matches {
    const m = matchesFor(slot);
    const rarest = gramsOf(term, 2)
      .map((c) => list(bi, c))
      .sort((a, b) => a.length - b.length)
      .slice(0, 3);
    const termBytes = termBytesOf(term);
    const plain = !termBytes.includes(NON_ASCII);
    const seen = bytesFor('typo', valueCount);
    for (const ids of rarest) {
      for (let k = 0; k < ids.length; k++) {
        const v = ids[k]!;
        if (seen[v]) continue;
        seen[v] = 1;
        const near = plain ? hasWordWithinOneEdit(t, v, termBytes) : (folded.get(v) ?? valueAt(v).toLowerCase()).split(/[@. _-]+/).some((w) => withinOneEdit(w, term));
        if (near) takeValue(t, v, TYPO, kindMask, m);
      }
    }
    // Only these values were marked: clearing them is cheaper than clearing every value.
    for (const ids of rarest) for (let k = 0; k < ids.length; k++) seen[ids[k]!] = 0;
    return devicesOf(m);
  }

  /**
   * owner:who@time — Insiders spans holding the device at time `at` (start
   * inclusive, end exclusive) by a manager matching `term`. Telemetron keeps no
   * history, so its current customers stand in for the past.
   */
  function matchOwnerAt(term: string, at: number, slot: number): Matches {
    const m = matchTerm(term, KIND.pastOwner | KIND.owner, slot);
    const termBytes = Uint8Array.from(term, (ch) => ch.charCodeAt(0) & 0xff);
    const managerMatch = new Set<number>();
    const customerOf = new Set<number>();
    for (const v of candidateValues(term, KIND.pastOwner | KIND.owner)) {
      if (findIn(t, v, termBytes) < 0) continue;
      if (valueAt(v).startsWith('manager ')) managerMatch.add(v);
      else for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (kinds[p]! & KIND.owner) customerOf.add(devs[p]!);
    }
    const keep = idsFor(`owner${slot}`);
    let count = 0;
    for (const i of m.devices) {
      let held = customerOf.has(i);
      for (let s = spanOffsets[i]!; !held && s < spanOffsets[i + 1]!; s++) held = spanStart[s]! <= at && at < spanEnd[s]! && managerMatch.has(spanValue[s]!);
      if (held) keep[count++] = i;
      else m.rank[i] = NO;
    }
    return { rank: m.rank, devices: keep.subarray(0, count) };
  }

  function matchClause(c: Clause & { kind: 'text' | 'field' }, typo: boolean, slot: number): Matches {
    if (c.kind === 'text') return typo ? matchTypo(c.value, FREE_TEXT, slot) : matchTerm(c.value, FREE_TEXT, slot);
    if (c.field === 'serial') return matchTerm(normalizeSerial(c.value).toLowerCase() || c.value, KIND.serial, slot);
    if (c.field === 'group') {
      // A group name typed in full means that group, not every group containing it (Branch-12, not Branch-120).
      const v = table.get(c.value);
      if (v >= 0 && hasKind(v, KIND.group)) return matchTerm(c.value, KIND.group, slot, true);
    }
    if (c.field === 'owner' && c.asOf !== undefined) return matchOwnerAt(c.value, c.asOf, slot);
    return matchTerm(c.value, FIELD_KINDS[c.field], slot);
  }

  /** Which devices satisfy an operator clause (before negation). */
  function operatorPass(c: Clause, now: number): Uint8Array {
    const pass = bytesFor('pass', n);
    if (c.kind === 'vendor') passWhereBits(present, vendorMask(c.vendors), false, pass);
    else if (c.kind === 'unlinked') {
      // Missing at one of them = not present at all of them.
      passWhereBits(present, vendorMask(c.vendors), true, pass);
      for (let i = 0; i < n; i++) pass[i] = 1 - pass[i]!;
    } else if (c.kind === 'status') passWhereEqual(status, STATUS[c.status], pass);
    else if (c.kind === 'stolen') passWhereEqual(stolen, c.value ? 2 : 1, pass);
    else if (c.kind === 'seen') passWhereSeen(lastSeen, now, c.ms, c.cmp === '>', pass);
    else pass.fill(1);
    return pass;
  }

  function run(parsed: ParsedQuery, now: number, typoClause: Clause | null): Outcome {
    const textual = parsed.clauses.filter((c): c is Clause & { kind: 'text' | 'field' } => c.kind === 'text' || c.kind === 'field');
    const matches = textual.map((c, slot) => ({ c, m: matchClause(c, c === typoClause, slot) }));
    const positive = matches.filter((x) => !x.c.negate).map((x) => x.m);
    const negative = matches.filter((x) => x.c.negate).map((x) => x.m);
    const operators = parsed.clauses.filter((c) => c.kind !== 'text' && c.kind !== 'field');

    // Start from the most selective term's matches (or every device), ranked by its weakest term.
    let rank: Uint8Array;
    let ids: Uint32Array | null;
    if (positive.length) {
      const seed = positive.reduce((a, b) => (b.devices.length < a.devices.length ? b : a));
      rank = positive.length === 1 ? seed.rank : bytesFor('rank', n).fill(NO);
      ids = seed.devices;
      if (positive.length > 1) {
        for (let k = 0; k < ids.length; k++) {
          const i = ids[k]!;
          let best = EXACT;
          for (const m of positive) best = Math.max(best, m.rank[i]!);
          rank[i] = best;
        }
      }
    } else {
      rank = bytesFor('rank', n).fill(SUBSTRING);
      ids = null;
    }
    for (const m of negative) for (let k = 0; k < m.devices.length; k++) rank[m.devices[k]!] = NO;
    for (const c of operators) ruleOut(rank, operatorPass(c, now), c.negate ? 0 : 1, ids);
    if (ids) {
      if (positive.length === 1 && !negative.length && !operators.length) return { rank, ids, count: ids.length };
      // Seeds that another term, a negation or an operator ruled out are dropped.
      const kept = idsFor('kept');
      const count = stillRanked(rank, ids, kept);
      return { rank, ids: kept.subarray(0, count), count };
    }
    const buckets = rankBuckets(rank);
    return { rank, ids: null, count: n - buckets[4]! };
  }

  function resultOf({ rank, ids, count }: Outcome, errors: QueryError[]): SearchResult {
    if (count < SORT_AT_ONCE) {
      const sorted = new Uint32Array(count);
      if (ids) sorted.set(ids);
      else for (let i = 0, k = 0; i < n; i++) if (rank[i] !== NO) sorted[k++] = i;
      sorted.sort((x, y) => rank[x]! - rank[y]! || namePos[x]! - namePos[y]!);
      return new Ranked(count, errors, (offset, limit) => sorted.slice(offset, offset + limit), sorted);
    }
    // Many matches: keep the ranks (the working memory is reused by the next query) and order pages on demand.
    const own = rank.slice();
    const buckets = rankBuckets(own);
    return new Ranked(count, errors, (offset, limit) => pageInNameOrder(own, buckets, byName, offset, limit));
  }

  return {
    size: n,
    data,
    search(q, o = {}) {
      const parsed = typeof q === 'string' ? parseQuery(q) : q;
      const now = o.now ?? options.now ?? Date.now();
      if (!parsed.clauses.length) return new Ranked(n, parsed.errors, (offset, limit) => byName.slice(offset, offset + limit));
      let outcome = run(parsed, now, null);
      if (outcome.count === 0) {
        // Nothing matched exactly: allow one typo in the longest free-text term.
        const long = parsed.clauses
          .filter((c) => c.kind === 'text' && !c.negate && c.value.length >= 5)
          .sort((a, b) => (b as { value: string }).value.length - (a as { value: string }).value.length)[0];
        if (long) outcome = run(parsed, now, long);
      }
      return resultOf(outcome, parsed.errors);
    },
    matchList(text) {
      const tokens = [...new Set(text.split(/[\n\r\t,;]+/).map((t) => t.trim()).filter(Boolean))];
      const found = new Set<number>();
      const notFound: string[] = [];
      const IDENTIFYING = KIND.serial | KIND.id | KIND.name;
      for (const t of tokens) {
        let hit = false;
        for (const key of [normalizeSerial(t), t]) {
          const v = table.get(key);
          if (v < 0) continue;
          for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
            if (kinds[p]! & IDENTIFYING) {
              found.add(devs[p]!);
              hit = true;
            }
          }
          if (hit) break;
        }
        if (!hit) notFound.push(t);
      }
      return { ids: Uint32Array.from([...found].sort((x, y) => x - y)), notFound, tokens: tokens.length };
    },
    suggest: (text, cursor) => suggestFor(text, cursor, dict),
  };
}
