/**
 * An n-gram inverted index over short strings with typed-array posting lists.
 * Characters are mapped to a 42-symbol alphabet (a-z, 0-9, five separators,
 * one "other" bucket), so every 1-, 2- and 3-gram has a small integer code
 * and the lists live in one flat Uint32Array each. "Other" characters can
 * only add candidates, never lose one: every hit is verified on the text.
 */
const OTHER = 41;
const CODE = new Uint8Array(65536).fill(OTHER); // indexed by char code, or by byte (0xff = not ASCII)
for (let c = 97; c <= 122; c++) CODE[c] = CODE[c - 32] = c - 97; // upper and lower case share codes
for (let c = 48; c <= 57; c++) CODE[c] = 26 + c - 48;
['@', '.', '-', '_', ' '].forEach((ch, i) => (CODE[ch.charCodeAt(0)] = 36 + i));
const A = 42;

export const gramCount = (n: 2 | 3) => A ** n;

/** The alphabet symbol of a character code (or byte); OTHER stands for every character outside the alphabet. */
export const symbolOf = (charCode: number) => CODE[charCode]!;
export { OTHER };

/** True when every character of `term` has its own symbol: its gram lists then hold exactly the texts containing it. */
export function gramsAreExact(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (CODE[term.charCodeAt(i)] === OTHER) return false;
  return true;
}

function codeAt(s: string, i: number, n: number): number {
  let code = 0;
  for (let k = 0; k < n; k++) code = code * A + CODE[s.charCodeAt(i + k)]!;
  return code;
}

export interface Postings {
  offsets: Uint32Array; // gram code → start in ids; length gramCount + 1
  ids: Uint32Array;
}

/**
 * Builds the n-gram lists over texts stored back to back as bytes (text d is
 * bytes[starts[d] .. starts[d+1])): count, then fill; each text listed once
 * per gram, ids ascending. Gram codes roll along each text (drop the oldest
 * symbol, add the next), so no per-byte array is allocated.
 */
export function buildPostings(n: 2 | 3, bytes: Uint8Array, starts: Uint32Array): Postings {
  const size = gramCount(n);
  const docs = starts.length - 1;
  const counts = new Uint32Array(size + 1);
  const stamp = new Int32Array(size).fill(-1);
  // Two passes over the same grams: count, then place (ids null = counting).
  const pass = (ids: Uint32Array | null, fill: Uint32Array) => {
    for (let doc = 0; doc < docs; doc++) {
      const from = starts[doc]!;
      const end = starts[doc + 1]!;
      // The two previous symbols, kept in variables: cheaper than taking the code modulo.
      let older = 0;
      let prev = 0;
      for (let i = from; i < end; i++) {
        const s = CODE[bytes[i]!]!;
        const c = n === 3 ? (older * A + prev) * A + s : prev * A + s;
        older = prev;
        prev = s;
        if (i - from < n - 1 || stamp[c] === doc) continue;
        stamp[c] = doc;
        if (ids) ids[fill[c]!++] = doc;
        else counts[c + 1]!++;
      }
    }
  };
  pass(null, counts);
  for (let i = 1; i <= size; i++) counts[i]! += counts[i - 1]!;
  const ids = new Uint32Array(counts[size]!);
  stamp.fill(-1);
  pass(ids, counts.slice(0, size));
  return { offsets: counts, ids };
}

export function list(p: Postings, code: number): Uint32Array {
  return p.ids.subarray(p.offsets[code]!, p.offsets[code + 1]!);
}

/** Distinct gram codes of a term. */
export function gramsOf(term: string, n: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i + n <= term.length; i++) out.add(codeAt(term, i, n));
  return [...out];
}

function contains(sorted: Uint32Array, x: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Intersection of sorted id lists, smallest first. Only the `maxLists`
 * smallest are used: the caller verifies every candidate anyway, and a few
 * selective grams narrow the set as well as all of them. The result lives in
 * `scratch` and is valid until the next call.
 */
export function intersect(lists: Uint32Array[], scratch: [Uint32Array, Uint32Array], maxLists = 4): Uint32Array {
  if (!lists.length) return scratch[0].subarray(0, 0);
  lists.sort((a, b) => a.length - b.length);
  let acc = lists[0]!;
  for (let l = 1; l < Math.min(lists.length, maxLists) && acc.length; l++) {
    const b = lists[l]!;
    // Results go to reusable buffers (ping-pong), so a query allocates nothing here.
    const out = scratch[l % 2]!;
    if (acc.length * 16 < b.length) {
      // Small against large: binary search each candidate.
      let k = 0;
      let from = 0;
      for (let i = 0; i < acc.length; i++) {
        from = contains(b, acc[i]!, from);
        if (from < b.length && b[from] === acc[i]) out[k++] = acc[i]!;
      }
      acc = out.subarray(0, k);
      continue;
    }
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < acc.length && j < b.length) {
      const x = acc[i]!;
      const y = b[j]!;
      if (x === y) {
        out[k++] = x;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    acc = out.subarray(0, k);
  }
  return acc;
}
