import type { FleetDevice } from '../model';
import { normalizeSerial } from '../fleet/normalize';
import { FREE_TEXT, KIND, PRESENT, RANKED, STATUS, managerLabel } from './device-fields';
import { buildPostings, gramsOf, intersect, list } from './grams';
import { parseQuery, type Clause, type ParsedQuery, type QueryError } from './query';
import { suggestFor, type Dictionaries, type Suggestion } from './suggest';
import { parseIsoUtc } from './iso-time';
import { withinOneEdit } from './typo';
import { NON_ASCII, buildValueTable } from './values';

export type { ParsedQuery, QueryError } from './query';
export type { Suggestion } from './suggest';

export interface SearchResult {
  /** Device indexes into the array the index was built from, best first. */
  ids: Uint32Array;
  total: number;
  errors: QueryError[];
}

export interface SearchIndex {
  readonly size: number;
  search(q: string | ParsedQuery, o?: { now?: number }): SearchResult;
  /** Paste: tokens split on newline, comma, tab or semicolon; exact serial / name / esn / id matches. */
  matchList(text: string): { ids: Uint32Array; notFound: string[]; tokens: number };
  suggest(text: string, cursor: number): Suggestion[];
}

/** Rank buckets, best first: exact id or name, prefix of one, substring, one typo away. */
const EXACT = 0;
const PREFIX = 1;
const SUBSTRING = 2;
const TYPO = 3;
const NO = 255;

const FIELD_KINDS = { serial: KIND.serial, name: KIND.name, user: KIND.user, group: KIND.group, owner: KIND.owner } as const;

/** One clause's matches: rank per device (NO = no match) and the matching devices. */
interface Matches {
  rank: Uint8Array;
  devices: ArrayLike<number>;
}

/**
 * The device search index. Searchable text is kept as distinct values (a
 * serial, a name, an email...) with a trigram index over them, so a query
 * verifies short strings only and learns exact / prefix / substring in one
 * `indexOf`. Operators read typed arrays. Results come back ranked as typed
 * arrays of device indexes.
 */
export function buildSearchIndex(devices: readonly FleetDevice[], options: { now?: number } = {}): SearchIndex {
  const n = devices.length;
  const table = buildValueTable(devices);
  const { values, folded, offsets, devs, kinds, bytes, starts } = table;
  const tri = buildPostings(3, bytes, starts);
  const bi = buildPostings(2, bytes, starts);

  /** Where the folded `term` occurs in value v (position from the value's start), or -1. */
  function findIn(v: number, term: Uint8Array): number {
    const from = starts[v]!;
    const last = starts[v + 1]! - term.length;
    const first = term[0]!;
    outer: for (let i = from; i <= last; i++) {
      if (bytes[i] !== first) continue;
      for (let j = 1; j < term.length; j++) if (bytes[i + j] !== term[j]) continue outer;
      return i - from;
    }
    return -1;
  }
  const lengthOf = (v: number) => starts[v + 1]! - starts[v]!;

  const status = new Uint8Array(n);
  const stolen = new Uint8Array(n); // 0 not at Absolute, 1 no, 2 yes
  const lastSeen = new Float64Array(n).fill(NaN);
  const present = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = devices[i]!;
    const a = d.absolute;
    if (a) {
      present[i]! |= PRESENT.absolute;
      status[i] = a.agentStatus === 'A' ? STATUS.active : a.agentStatus === 'I' ? STATUS.inactive : STATUS.disabled;
      stolen[i] = a.isStolen ? 2 : 1;
      if (a.lastConnectedUtc) lastSeen[i] = parseIsoUtc(a.lastConnectedUtc);
    }
    if (d.insiders) present[i]! |= PRESENT.insiders;
    if (d.telemetron) present[i]! |= PRESENT.telemetron;
    if (d.algosec) present[i]! |= PRESENT.algosec;
  }

  // Equal ranks read alphabetically.
  // Seven upper-cased ASCII characters packed in a number settle most comparisons without touching strings.
  const nameKey = devices.map((d) => d.name.toUpperCase());
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = nameKey[i]!;
    let p = 0;
    for (let c = 0; c < 7; c++) p = p * 128 + (c < k.length ? Math.min(127, k.charCodeAt(c)) : 0);
    packed[i] = p;
  }
  const byName = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => packed[x]! - packed[y]! || (nameKey[x]! < nameKey[y]! ? -1 : nameKey[x]! > nameKey[y]! ? 1 : x - y));
  const namePos = new Uint32Array(n);
  for (let p = 0; p < n; p++) namePos[byName[p]!] = p;

  // Autocomplete dictionaries (original spelling), read off the value table.
  const dict: Dictionaries = { groups: [], users: [], owners: [] };
  for (let v = 0; v < values.length; v++) {
    let groupCount = 0;
    let kindsOfValue = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      kindsOfValue |= kinds[p]!;
      if (kinds[p]! & KIND.group) groupCount++;
    }
    if (groupCount) dict.groups.push({ name: values[v]!, count: groupCount });
    if (kindsOfValue & KIND.user) dict.users.push(values[v]!);
    if (kindsOfValue & (KIND.owner | KIND.pastOwner)) dict.owners.push(values[v]!);
  }
  const byLower = (x: string, y: string) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1);
  dict.groups.sort((x, y) => y.count - x.count);
  dict.users.sort(byLower);
  dict.owners.sort(byLower);

  const allValues = Uint32Array.from({ length: values.length }, (_, i) => i);

  // Per-query working memory, allocated once: allocating large typed arrays on
  // every keystroke would make V8 run full collections over the whole heap.
  const scratchBytes = new Map<string, Uint8Array>();
  const bytesFor = (slot: string, size: number) => {
    let b = scratchBytes.get(slot);
    if (!b) scratchBytes.set(slot, (b = new Uint8Array(size)));
    return b;
  };
  const intersectScratch: [Uint32Array, Uint32Array] = [new Uint32Array(values.length), new Uint32Array(values.length)];
  /** Values that may contain `term` (a superset from the gram lists; a single character checks them all). */
  function candidateValues(term: string): Uint32Array {
    if (term.length >= 3) return intersect(gramsOf(term, 3).map((c) => list(tri, c)), intersectScratch);
    if (term.length === 2) return list(bi, gramsOf(term, 2)[0]!);
    return allValues;
  }

  const scratchIds = new Map<string, Uint32Array>();
  const idsFor = (slot: string) => {
    let b = scratchIds.get(slot);
    if (!b) scratchIds.set(slot, (b = new Uint32Array(n)));
    return b;
  };

  /** Devices with a value of one of `kindMask` containing `term` (or equal to it when `exactOnly`). */
  function matchTerm(term: string, kindMask: number, slot: number, exactOnly = false): Matches {
    const rank = bytesFor(`match${slot}`, n).fill(NO);
    const found = idsFor(`match${slot}`);
    let count = 0;
    if (!term) return { rank, devices: found.subarray(0, 0) };
    // Tight loops on typed arrays: this is the hot path of every query.
    const take = (v: number, base: number) => {
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const k = kinds[p]!;
        if (!(k & kindMask)) continue;
        const r = k & RANKED ? base : base > SUBSTRING ? base : SUBSTRING;
        const d = devs[p]!;
        const prev = rank[d]!;
        if (prev === NO) found[count++] = d;
        if (r < prev) rank[d] = r;
      }
    };
    if (exactOnly) {
      const v = table.table.get(term);
      if (v >= 0) take(v, EXACT);
      return { rank, devices: found.subarray(0, count) };
    }
    const candidates = candidateValues(term);
    const termBytes = Uint8Array.from(term, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : NON_ASCII));
    // A term with characters outside ASCII is checked on the folded strings instead of the bytes.
    const plain = !termBytes.includes(NON_ASCII);
    for (let k = 0; k < candidates.length; k++) {
      const v = candidates[k]!;
      const at = plain ? findIn(v, termBytes) : (folded.get(v) ?? values[v]!.toLowerCase()).indexOf(term);
      if (at < 0) continue;
      take(v, at > 0 ? SUBSTRING : lengthOf(v) === term.length ? EXACT : PREFIX);
    }
    return { rank, devices: found.subarray(0, count) };
  }

  /** Values one typo away from a long term: share most bigrams, then a real edit-distance check per word. */
  function matchTypo(term: string, kindMask: number, slot: number): Matches {
    const rank = bytesFor(`match${slot}`, n).fill(NO);
    const found: number[] = [];
    const grams = gramsOf(term, 2);
    const need = Math.max(1, grams.length - 2);
    const hits = bytesFor('typo', values.length).fill(0);
    for (const code of grams) {
      for (const v of list(bi, code)) {
        if (++hits[v]! !== need) continue;
        if (!(folded.get(v) ?? values[v]!.toLowerCase()).split(/[@. _-]+/).some((w) => withinOneEdit(w, term))) continue;
        for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
          const d = devs[p]!;
          if (kinds[p]! & kindMask && rank[d] === NO) {
            rank[d] = TYPO;
            found.push(d);
          }
        }
      }
    }
    return { rank, devices: found };
  }

  // Insiders ownership spans as numbers (CSR by device), for as-of questions.
  const spanOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) spanOffsets[i + 1] = spanOffsets[i]! + (devices[i]!.insiders?.ownerships.length ?? 0);
  const spanStart = new Float64Array(spanOffsets[n]!);
  const spanEnd = new Float64Array(spanOffsets[n]!);
  const spanValue = new Int32Array(spanOffsets[n]!);
  const managerValue = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let s = spanOffsets[i]!;
    for (const o of devices[i]!.insiders?.ownerships ?? []) {
      spanStart[s] = parseIsoUtc(o.startTime);
      spanEnd[s] = o.endTime === null ? Infinity : parseIsoUtc(o.endTime);
      let v = managerValue.get(o.manager);
      if (v === undefined) managerValue.set(o.manager, (v = table.table.get(managerLabel(o.manager))));
      spanValue[s++] = v;
    }
  }

  const hasKind = (v: number, kind: number) => {
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (kinds[p]! & kind) return true;
    return false;
  };

  /**
   * owner:who@time — Insiders spans holding the device at `t` (start
   * inclusive, end exclusive) by a manager matching `term`. Telemetron keeps no
   * history, so its current customers stand in for the past.
   */
  function matchOwnerAt(term: string, t: number, slot: number): Matches {
    const m = matchTerm(term, KIND.pastOwner | KIND.owner, slot);
    const termBytes = Uint8Array.from(term, (ch) => ch.charCodeAt(0) & 0xff);
    const managerMatch = new Set<number>();
    const customerOf = new Set<number>();
    for (const v of candidateValues(term)) {
      if (findIn(v, termBytes) < 0) continue;
      if (values[v]!.startsWith('manager ')) managerMatch.add(v);
      else for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (kinds[p]! & KIND.owner) customerOf.add(devs[p]!);
    }
    const keep: number[] = [];
    for (const i of Array.from(m.devices)) {
      let held = customerOf.has(i);
      for (let s = spanOffsets[i]!; !held && s < spanOffsets[i + 1]!; s++) held = spanStart[s]! <= t && t < spanEnd[s]! && managerMatch.has(spanValue[s]!);
      if (held) keep.push(i);
      else m.rank[i] = NO;
    }
    return { rank: m.rank, devices: keep };
  }

  function matchClause(c: Clause & { kind: 'text' | 'field' }, typo: boolean, slot: number): Matches {
    if (c.kind === 'text') return typo ? matchTypo(c.value, FREE_TEXT, slot) : matchTerm(c.value, FREE_TEXT, slot);
    if (c.field === 'serial') return matchTerm(normalizeSerial(c.value).toLowerCase() || c.value, KIND.serial, slot);
    if (c.field === 'group') {
      // A group name typed in full means that group, not every group containing it (Branch-12, not Branch-120).
      const v = table.table.get(c.value);
      if (v >= 0 && hasKind(v, KIND.group)) return matchTerm(c.value, KIND.group, slot, true);
    }
    if (c.field === 'owner' && c.asOf !== undefined) return matchOwnerAt(c.value, c.asOf, slot);
    return matchTerm(c.value, FIELD_KINDS[c.field], slot);
  }

  /** Which devices satisfy an operator clause (before negation): one tight loop over a typed array. */
  function operatorPass(c: Clause, now: number): Uint8Array {
    const pass = bytesFor('pass', n).fill(0);
    switch (c.kind) {
      case 'vendor': {
        const mask = c.vendors.reduce((m, v) => m | PRESENT[v], 0);
        for (let i = 0; i < n; i++) pass[i] = (present[i]! & mask) !== 0 ? 1 : 0;
        break;
      }
      case 'unlinked': {
        const mask = c.vendors.reduce((m, v) => m | PRESENT[v], 0);
        for (let i = 0; i < n; i++) pass[i] = (present[i]! & mask) !== mask ? 1 : 0;
        break;
      }
      case 'status': {
        const want = STATUS[c.status];
        for (let i = 0; i < n; i++) pass[i] = status[i] === want ? 1 : 0;
        break;
      }
      case 'stolen': {
        const want = c.value ? 2 : 1;
        for (let i = 0; i < n; i++) pass[i] = stolen[i] === want ? 1 : 0;
        break;
      }
      case 'seen': {
        // NaN (never seen) fails both directions.
        if (c.cmp === '<') for (let i = 0; i < n; i++) pass[i] = now - lastSeen[i]! < c.ms ? 1 : 0;
        else for (let i = 0; i < n; i++) pass[i] = now - lastSeen[i]! > c.ms ? 1 : 0;
        break;
      }
      default:
        pass.fill(1);
    }
    return pass;
  }

  function run(parsed: ParsedQuery, now: number, typoClause: Clause | null): Uint32Array {
    const textual = parsed.clauses.filter((c): c is Clause & { kind: 'text' | 'field' } => c.kind === 'text' || c.kind === 'field');
    const matches = textual.map((c, slot) => ({ c, m: matchClause(c, c === typoClause, slot) }));
    const positive = matches.filter((x) => !x.c.negate).map((x) => x.m);
    const negative = matches.filter((x) => x.c.negate).map((x) => x.m);
    const operators = parsed.clauses.filter((c) => c.kind !== 'text' && c.kind !== 'field');

    // Start from the most selective term's matches (or every device), ranked by its weakest term.
    let rank: Uint8Array;
    let ids: ArrayLike<number> | null;
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
    for (const c of operators) {
      const pass = operatorPass(c, now);
      const want = c.negate ? 0 : 1;
      if (ids) {
        for (let k = 0; k < ids.length; k++) if (pass[ids[k]!] !== want) rank[ids[k]!] = NO;
      }
      else for (let i = 0; i < n; i++) if (pass[i] !== want) rank[i] = NO;
    }
    if (ids && !negative.length && !operators.length) return ordered(rank, ids);
    if (ids) {
      const kept = idsFor('kept');
      let count = 0;
      for (let k = 0; k < ids.length; k++) if (rank[ids[k]!] !== NO) kept[count++] = ids[k]!;
      return ordered(rank, kept.subarray(0, count));
    }
    let count = 0;
    for (let i = 0; i < n; i++) if (rank[i] !== NO) count++;
    return ordered(rank, null, count);
  }

  /**
   * Best rank first, then by name. Few matches are sorted; many are placed by
   * one sweep of the name order. `matched` null means "every device with a rank".
   */
  function ordered(rank: Uint8Array, matched: ArrayLike<number> | null, total = matched?.length ?? 0): Uint32Array {
    if (matched && matched.length < 4096) return Uint32Array.from(matched).sort((x, y) => rank[x]! - rank[y]! || namePos[x]! - namePos[y]!);
    const slot = new Uint32Array(5);
    if (matched) for (let k = 0; k < matched.length; k++) slot[rank[matched[k]!]! + 1]!++;
    else for (let i = 0; i < n; i++) if (rank[i] !== NO) slot[rank[i]! + 1]!++;
    for (let b = 1; b < 5; b++) slot[b]! += slot[b - 1]!;
    const out = new Uint32Array(total);
    for (let j = 0; j < n; j++) {
      const i = byName[j]!;
      const r = rank[i]!;
      if (r !== NO) out[slot[r]!++] = i;
    }
    return out;
  }

  return {
    size: n,
    search(q, o = {}) {
      const parsed = typeof q === 'string' ? parseQuery(q) : q;
      const now = o.now ?? options.now ?? Date.now();
      if (!parsed.clauses.length) return { ids: byName.slice(), total: n, errors: parsed.errors };
      let ids = run(parsed, now, null);
      if (ids.length === 0) {
        // Nothing matched exactly: allow one typo in the longest free-text term.
        const long = parsed.clauses
          .filter((c) => c.kind === 'text' && !c.negate && c.value.length >= 5)
          .sort((a, b) => (b as { value: string }).value.length - (a as { value: string }).value.length)[0];
        if (long) ids = run(parsed, now, long);
      }
      return { ids, total: ids.length, errors: parsed.errors };
    },
    matchList(text) {
      const tokens = [...new Set(text.split(/[\n\r\t,;]+/).map((t) => t.trim()).filter(Boolean))];
      const found = new Set<number>();
      const notFound: string[] = [];
      const IDENTIFYING = KIND.serial | KIND.id | KIND.name;
      for (const t of tokens) {
        let hit = false;
        for (const key of [normalizeSerial(t), t]) {
          const v = table.table.get(key);
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
