import type { FleetDevice } from '../model';
import { FREE_TEXT, KIND, PRESENT, RANKED, STATUS, managerLabel } from './device-fields';
import { OTHER, buildPostings, gramCount, symbolOf } from './grams';
import { parseIsoUtc } from './iso-time';
import { buildValueTable } from './values';

/**
 * Everything the search index knows, as plain typed arrays and strings: what
 * `buildIndexData` computes from the fleet, and what a saved index holds, so
 * a cold start can reopen it instead of building it again.
 */
export interface IndexData {
  /** Number of devices. */
  size: number;
  /**
   * Distinct searchable values, original spelling (see `buildValueTable`), as
   * one text: value v is valueText.slice(valueStarts[v], valueStarts[v + 1]).
   * Half a million values kept as one string cost one object, not half a million.
   */
  valueText: string;
  valueStarts: Uint32Array;
  /** Folded form of the values that are not plain ASCII, as [value, folded]. */
  folded: Array<[number, string]>;
  /** The case-insensitive hash table over the values (see `StringTable`). */
  tableSlots: Int32Array;
  offsets: Uint32Array;
  devs: Uint32Array;
  kinds: Uint8Array;
  bytes: Uint8Array;
  starts: Uint32Array;
  /** Trigram and bigram lists over the values' bytes. */
  triOffsets: Uint32Array;
  triIds: Uint32Array;
  biOffsets: Uint32Array;
  biIds: Uint32Array;
  /** Per device: Absolute agent status, stolen (0 not at Absolute, 1 no, 2 yes), last seen (ms, NaN never), vendors present. */
  status: Uint8Array;
  stolen: Uint8Array;
  lastSeen: Float64Array;
  present: Uint8Array;
  /** Devices in name order, and each device's place in it. */
  byName: Uint32Array;
  namePos: Uint32Array;
  /**
   * Per device, two words of alphabet bits (symbols 0-31, then 32-40): the
   * characters in its free-text values, and the first characters of its
   * ranked values. A one-character query reads these instead of every value.
   */
  textSymbols: Uint32Array;
  rankedFirst: Uint32Array;
  /** Values one character long (a one-character query can equal them). */
  shortValues: Uint32Array;
  /** Insiders ownership spans, CSR by device: start, end (Infinity = open), manager value. */
  spanOffsets: Uint32Array;
  spanStart: Float64Array;
  spanEnd: Float64Array;
  spanValue: Int32Array;
  /** Autocomplete: group values by member count (with the counts), user and owner values alphabetically. */
  groupValues: Uint32Array;
  groupCounts: Uint32Array;
  userValues: Uint32Array;
  ownerValues: Uint32Array;
}

const setBit = (words: Uint32Array, at: number, symbol: number) => {
  if (symbol < 32) words[at]! |= 1 << symbol;
  else words[at + 1]! |= 1 << (symbol - 32);
};

/** Computes the index data of a fleet (devices in the order results will refer to). */
export function buildIndexData(devices: readonly FleetDevice[]): IndexData {
  const n = devices.length;
  const table = buildValueTable(devices);
  const { values, offsets, devs, kinds, bytes, starts } = table;
  const tri = buildPostings(3, bytes, starts);
  const bi = buildPostings(2, bytes, starts);

  const status = new Uint8Array(n);
  const stolen = new Uint8Array(n);
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
  const byName = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = nameKey[i]!;
    let p = 0;
    for (let c = 0; c < 7; c++) p = p * 128 + (c < k.length ? Math.min(127, k.charCodeAt(c)) : 0);
    packed[i] = p;
    byName[i] = i;
  }
  byName.sort((x, y) => packed[x]! - packed[y]! || (nameKey[x]! < nameKey[y]! ? -1 : nameKey[x]! > nameKey[y]! ? 1 : x - y));
  const namePos = new Uint32Array(n);
  for (let p = 0; p < n; p++) namePos[byName[p]!] = p;

  // Which characters each device's values hold (one-character queries), from each value's own symbols.
  const valueSymbols = new Uint32Array(2 * values.length);
  const short: number[] = [];
  for (let v = 0; v < values.length; v++) {
    if (starts[v + 1]! - starts[v]! === 1) short.push(v);
    for (let i = starts[v]!; i < starts[v + 1]!; i++) {
      const s = symbolOf(bytes[i]!);
      if (s !== OTHER) setBit(valueSymbols, 2 * v, s);
    }
  }
  const textSymbols = new Uint32Array(2 * n);
  const rankedFirst = new Uint32Array(2 * n);
  for (let v = 0; v < values.length; v++) {
    const first = starts[v + 1]! > starts[v]! ? symbolOf(bytes[starts[v]!]!) : OTHER;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const k = kinds[p]!;
      if (!(k & FREE_TEXT)) continue;
      const d = 2 * devs[p]!;
      textSymbols[d]! |= valueSymbols[2 * v]!;
      textSymbols[d + 1]! |= valueSymbols[2 * v + 1]!;
      if (k & RANKED && first !== OTHER) setBit(rankedFirst, d, first);
    }
  }

  // Autocomplete dictionaries, read off the value table.
  const groups: number[] = [];
  const groupCount = new Uint32Array(values.length);
  const users: number[] = [];
  const owners: number[] = [];
  for (let v = 0; v < values.length; v++) {
    let members = 0;
    let kindsOfValue = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      kindsOfValue |= kinds[p]!;
      if (kinds[p]! & KIND.group) members++;
    }
    if (members) {
      groups.push(v);
      groupCount[v] = members;
    }
    if (kindsOfValue & KIND.user) users.push(v);
    if (kindsOfValue & (KIND.owner | KIND.pastOwner)) owners.push(v);
  }
  groups.sort((x, y) => groupCount[y]! - groupCount[x]! || x - y);
  const alphabetically = (ids: number[]) => {
    const keys = ids.map((v) => values[v]!.toLowerCase());
    const order = ids.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
    return Uint32Array.from(order, (i) => ids[i]!);
  };

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

  const valueStarts = new Uint32Array(values.length + 1);
  for (let v = 0; v < values.length; v++) valueStarts[v + 1] = valueStarts[v]! + values[v]!.length;

  return {
    size: n,
    valueText: values.join(''),
    valueStarts,
    folded: [...table.folded],
    tableSlots: table.table.slots,
    offsets,
    devs,
    kinds,
    bytes,
    starts,
    triOffsets: tri.offsets,
    triIds: tri.ids,
    biOffsets: bi.offsets,
    biIds: bi.ids,
    status,
    stolen,
    lastSeen,
    present,
    byName,
    namePos,
    textSymbols,
    rankedFirst,
    shortValues: Uint32Array.from(short),
    spanOffsets,
    spanStart,
    spanEnd,
    spanValue,
    groupValues: Uint32Array.from(groups),
    groupCounts: Uint32Array.from(groups, (v) => groupCount[v]!),
    userValues: alphabetically(users),
    ownerValues: alphabetically(owners),
  };
}

const TYPES: Record<string, new (n: number) => ArrayLike<number>> = {
  valueStarts: Uint32Array,
  tableSlots: Int32Array,
  offsets: Uint32Array,
  devs: Uint32Array,
  kinds: Uint8Array,
  bytes: Uint8Array,
  starts: Uint32Array,
  triOffsets: Uint32Array,
  triIds: Uint32Array,
  biOffsets: Uint32Array,
  biIds: Uint32Array,
  status: Uint8Array,
  stolen: Uint8Array,
  lastSeen: Float64Array,
  present: Uint8Array,
  byName: Uint32Array,
  namePos: Uint32Array,
  textSymbols: Uint32Array,
  rankedFirst: Uint32Array,
  shortValues: Uint32Array,
  spanOffsets: Uint32Array,
  spanStart: Float64Array,
  spanEnd: Float64Array,
  spanValue: Int32Array,
  groupValues: Uint32Array,
  groupCounts: Uint32Array,
  userValues: Uint32Array,
  ownerValues: Uint32Array,
};

/**
 * Checks that index data read back from somewhere has every part, of the
 * right type and of sizes that fit together; throws with what does not.
 */
export function checkIndexData(d: IndexData): void {
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`the saved search index is incomplete (${what})`);
  };
  need(Number.isInteger(d.size) && typeof d.valueText === 'string' && Array.isArray(d.folded), 'size, values');
  for (const [field, Type] of Object.entries(TYPES)) need((d as unknown as Record<string, unknown>)[field] instanceof Type, field);
  const n = d.size;
  const v = d.valueStarts.length - 1;
  const last = (a: ArrayLike<number>) => a[a.length - 1];
  need(v >= 0 && last(d.valueStarts) === d.valueText.length, 'value text');
  need(d.offsets.length === v + 1 && d.starts.length === v + 1, 'value table');
  need(d.devs.length === last(d.offsets) && d.kinds.length === d.devs.length && d.bytes.length === last(d.starts), 'value contents');
  need(d.tableSlots.length >= 4 * v, 'value lookup');
  need(d.triOffsets.length === gramCount(3) + 1 && d.triIds.length === last(d.triOffsets), 'trigrams');
  need(d.biOffsets.length === gramCount(2) + 1 && d.biIds.length === last(d.biOffsets), 'bigrams');
  need([d.status, d.stolen, d.lastSeen, d.present, d.byName, d.namePos].every((a) => a.length === n), 'device columns');
  need(d.textSymbols.length === 2 * n && d.rankedFirst.length === 2 * n, 'characters');
  need(d.spanOffsets.length === n + 1 && [d.spanStart, d.spanEnd, d.spanValue].every((a) => a.length === last(d.spanOffsets)), 'ownership spans');
  need(d.groupValues.length === d.groupCounts.length, 'groups');
}
