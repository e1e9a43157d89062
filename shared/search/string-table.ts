/**
 * An open-addressing hash set of strings that hands out dense ids, comparing
 * ASCII letters case-insensitively ("LPTP-A" and "lptp-a" are one value).
 * Built for the index's million-plus short values: it never creates a string
 * (no lower-casing) and keeps no per-entry objects.
 */
const lower = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);

export function sameIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false;
  return true;
}

export class StringTable {
  readonly values: string[] = [];
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;

  constructor(expected = 1 << 16) {
    let size = 1 << 10;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), 0x01000193);
    return h | 0;
  }

  /** The id of `s` (ignoring ASCII case), or -1. */
  get(s: string): number {
    const h = StringTable.hash(s);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.slots[i]!;
      if (id === -1) return -1;
      if (this.hashes[i] === h && sameIgnoringCase(this.values[id]!, s)) return id;
    }
  }

  /** The id of `s`, adding it when new. */
  intern(s: string): number {
    const h = StringTable.hash(s);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.slots[i]!;
      if (id === -1) {
        const next = this.values.length;
        this.values.push(s);
        this.slots[i] = next;
        this.hashes[i] = h;
        if (next * 2 > this.mask) this.grow();
        return next;
      }
      if (this.hashes[i] === h && sameIgnoringCase(this.values[id]!, s)) return id;
    }
  }

  private grow() {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i <= this.mask; i++) {
      const id = this.slots[i]!;
      if (id === -1) continue;
      let j = this.hashes[i]! & mask;
      while (slots[j] !== -1) j = (j + 1) & mask;
      slots[j] = id;
      hashes[j] = this.hashes[i]!;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}
