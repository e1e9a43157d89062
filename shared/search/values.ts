import type { FleetDevice } from '../model';
import { KIND, eachValue } from './device-fields';
import { fold } from './fold';
import { StringTable } from './string-table';

/** A growable typed array, to collect millions of numbers without boxing them. */
class Growable<T extends Uint32Array | Uint8Array | Int32Array> {
  length = 0;
  constructor(public data: T) {}
  push(x: number) {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/**
 * The distinct searchable values of the fleet, and for each value the devices
 * that have it with the kind it has there (serial, name, group...). Searching
 * values instead of whole devices keeps the strings short and lets one match
 * answer "exact", "prefix" and "substring" at once.
 *
 * Values keep their original spelling (no string is created per value, which
 * is what makes the build fast); ASCII case is ignored by the hash table and
 * by matching. The rare value with other characters also gets a folded form
 * ("José" → "jose") in `folded`.
 */
export interface ValueTable {
  values: string[];
  /** Folded form (lower case, no accents) of values that are not plain ASCII. */
  folded: Map<number, string>;
  table: StringTable;
  /** CSR: devices of value v are devs[offsets[v] .. offsets[v+1]), with their kinds. */
  offsets: Uint32Array;
  devs: Uint32Array;
  kinds: Uint8Array;
  /**
   * Every value folded to lower-case bytes, back to back: value v is
   * bytes[starts[v] .. starts[v+1]). Matching scans these instead of a
   * million scattered string objects, so it reads memory in order.
   * Characters outside ASCII after folding are stored as NON_ASCII.
   */
  bytes: Uint8Array;
  starts: Uint32Array;
}

export const NON_ASCII = 0xff;

export function buildValueTable(devices: readonly FleetDevice[]): ValueTable {
  const table = new StringTable(devices.length * 5);
  const lastDevice = new Growable(new Int32Array(1 << 16));
  const lastPair = new Growable(new Uint32Array(1 << 16));
  const pairValue = new Growable(new Uint32Array(1 << 18));
  const pairDevice = new Growable(new Uint32Array(1 << 18));
  const pairKind = new Growable(new Uint8Array(1 << 18));
  let d = 0;
  const add = (raw: string, kind: number) => {
    if (!raw) return;
    const id = table.intern(raw);
    if (id === lastDevice.length) {
      lastDevice.push(-1);
      lastPair.push(0);
    }
    if (lastDevice.data[id] === d) {
      pairKind.data[lastPair.data[id]!]! |= kind; // same value twice on one device: one entry, both kinds
      return;
    }
    lastDevice.data[id] = d;
    lastPair.data[id] = pairKind.length;
    pairValue.push(id);
    pairDevice.push(d);
    pairKind.push(kind);
  };
  for (d = 0; d < devices.length; d++) eachValue(devices[d]!, add);

  const values = table.values;
  const newId = idsByKind(values.length, pairValue, pairKind);
  table.renumber(newId);
  for (let p = 0; p < pairValue.length; p++) pairValue.data[p] = newId[pairValue.data[p]!]!;

  // Counting sort of the (value, device) pairs by value; devices stay ascending within a value.
  const offsets = new Uint32Array(values.length + 1);
  for (let p = 0; p < pairValue.length; p++) offsets[pairValue.data[p]! + 1]!++;
  for (let v = 1; v <= values.length; v++) offsets[v]! += offsets[v - 1]!;
  const fill = offsets.slice(0, values.length);
  const devs = new Uint32Array(pairValue.length);
  const kinds = new Uint8Array(pairValue.length);
  for (let p = 0; p < pairValue.length; p++) {
    const at = fill[pairValue.data[p]!]!++;
    devs[at] = pairDevice.data[p]!;
    kinds[at] = pairKind.data[p]!;
  }

  // Lower-case bytes of every value; the rare value with characters outside ASCII is folded first.
  let total = 0;
  for (let v = 0; v < values.length; v++) total += values[v]!.length;
  let bytes: Uint8Array = new Uint8Array(total);
  const starts = new Uint32Array(values.length + 1);
  const folded = new Map<number, string>();
  let w = 0;
  let rest = total; // characters of the values not written yet
  for (let v = 0; v < values.length; v++) {
    const text = values[v]!;
    rest -= text.length;
    const from = w;
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) bytes[w++] = c >= 65 && c <= 90 ? c | 32 : c;
      else ascii = false;
    }
    if (!ascii) {
      // Rewritten from its start: folding may change the length.
      const f = fold(text);
      folded.set(v, f);
      w = from;
      if (w + f.length + rest > bytes.length) bytes = grow(bytes, w + f.length + rest + 1024);
      for (let i = 0; i < f.length; i++) {
        const c = f.charCodeAt(i);
        bytes[w++] = c >= 65 && c <= 90 ? c | 32 : c < 128 ? c : NON_ASCII;
      }
    }
    starts[v + 1] = w;
  }
  return { values, folded, table, offsets, devs, kinds, bytes: w === bytes.length ? bytes : bytes.slice(0, w), starts };
}

/**
 * New value ids that put values of one kind next to each other (all names,
 * then all serials...), in the order they were first seen: a query matching
 * many values of one kind, such as every laptop name, then reads neighbouring
 * memory. Groups come first.
 */
function idsByKind(count: number, pairValue: Growable<Uint32Array>, pairKind: Growable<Uint8Array>): Uint32Array {
  const kindsOf = new Uint8Array(count);
  for (let p = 0; p < pairValue.length; p++) kindsOf[pairValue.data[p]!]! |= pairKind.data[p]!;
  // Class 0: groups; then 1 + the lowest kind bit.
  const classOf = (k: number) => (k & KIND.group ? 0 : 32 - Math.clz32(k & -k));
  const starts = new Uint32Array(10);
  for (let v = 0; v < count; v++) starts[classOf(kindsOf[v]!) + 1]!++;
  for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
  const newId = new Uint32Array(count);
  for (let v = 0; v < count; v++) newId[v] = starts[classOf(kindsOf[v]!)]!++;
  return newId;
}

function grow(bytes: Uint8Array, size: number): Uint8Array {
  const next = new Uint8Array(size);
  next.set(bytes);
  return next;
}
