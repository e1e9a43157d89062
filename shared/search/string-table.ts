/**
 * An open-addressing hash set of strings that hands out dense ids, comparing
 * ASCII letters case-insensitively ("LPTP-A" and "lptp-a" are one value).
 * Built for the index's half-million short values: it never creates a string
 * (no lower-casing) and keeps no per-entry objects, so it can also be saved
 * and reopened as one typed array.
 */
const lower = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);

export function sameIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false;
  return true;
}

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), 0x01000193);
  return h | 0;
}

export class StringTable {
  /**
   * Two int32 per slot, side by side so a probe touches one cache line:
   * the value id (-1 = empty) and the value's hash.
   */
  /** The values interned by this table, by id. */
  readonly values: string[] = [];
  private entries: Int32Array;
  private mask: number;

  /**
   * A new table sized for `expected` values; or, with `entries` (see
   * `slots`), a saved table reopened, reading value id i as `valueAt(i)`.
   */
  constructor(
    expected = 1 << 16,
    entries?: Int32Array,
    private readonly valueAt: (id: number) => string = (id) => this.values[id]!,
  ) {
    if (entries) {
      this.entries = entries;
      this.mask = entries.length / 2 - 1;
      return;
    }
    let size = 1 << 10;
    while (size < expected * 2) size <<= 1;
    this.entries = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }

  /** The slots, for saving; `new StringTable(0, slots, valueAt)` reopens the same table. */
  get slots(): Int32Array {
    return this.entries;
  }

  /** The id of `s` (ignoring ASCII case), or -1. */
  get(s: string): number {
    const h = hashOf(s);
    const e = this.entries;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const id = e[2 * i]!;
      if (id === -1) return -1;
      if (e[2 * i + 1] === h && sameIgnoringCase(this.valueAt(id), s)) return id;
    }
  }

  /** The id of `s`, adding it when new. */
  intern(s: string): number {
    const h = hashOf(s);
    const e = this.entries;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const id = e[2 * i]!;
      if (id === -1) {
        const next = this.values.length;
        this.values.push(s);
        e[2 * i] = next;
        e[2 * i + 1] = h;
        if (next * 2 > this.mask) this.grow();
        return next;
      }
      if (e[2 * i + 1] === h && sameIgnoringCase(this.values[id]!, s)) return id;
    }
  }

  /** Gives the values new ids: value i becomes value newId[i] (a permutation). */
  renumber(newId: Uint32Array): void {
    const before = this.values.slice();
    for (let i = 0; i < before.length; i++) this.values[newId[i]!] = before[i]!;
    const e = this.entries;
    for (let i = 0; i < e.length; i += 2) if (e[i] !== -1) e[i] = newId[e[i]!]!;
  }

  private grow() {
    const size = (this.mask + 1) * 2;
    const entries = new Int32Array(size * 2).fill(-1);
    const mask = size - 1;
    for (let i = 0; i <= this.mask; i++) {
      const id = this.entries[2 * i]!;
      if (id === -1) continue;
      const h = this.entries[2 * i + 1]!;
      let j = h & mask;
      while (entries[2 * j] !== -1) j = (j + 1) & mask;
      entries[2 * j] = id;
      entries[2 * j + 1] = h;
    }
    this.entries = entries;
    this.mask = mask;
  }
}
