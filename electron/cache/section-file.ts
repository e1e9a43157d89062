import { crc32 } from 'node:zlib';

/**
 * A file of named sections, made to reopen large typed arrays without parsing
 * them: a one-line JSON header (padded so the body starts 8-byte aligned),
 * then each section's bytes at an aligned offset. Typed arrays are stored as
 * raw bytes and come back as views on the file's buffer; a string as UTF-8
 * text; string arrays as UTF-8 text with their lengths; anything else as JSON. The header carries a
 * CRC-32 of the body, so a truncated or damaged file is noticed before use.
 */
export type TypedArray = Uint8Array | Uint32Array | Int32Array | Float64Array;
export type SectionValue = TypedArray | string[] | unknown;

const TYPED = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;
type TypedKind = keyof typeof TYPED;
type Kind = TypedKind | 'text' | 'strings' | 'json';

interface SectionEntry {
  name: string;
  kind: Kind;
  /** Byte offset in the body. */
  offset: number;
  bytes: number;
}

interface Header {
  format: string;
  version: number;
  meta: unknown;
  sections: SectionEntry[];
  bodyBytes: number;
  /** CRC-32 of the body, and of the header's own fields (a damaged offset must not pass as data). */
  crc32: number;
  headerCrc32: number;
}

const headerCrc = (h: Omit<Header, 'crc32' | 'headerCrc32'>) => crc32(JSON.stringify([h.format, h.version, h.meta, h.sections, h.bodyBytes]));

const ALIGN = 8;
const pad = (n: number) => (ALIGN - (n % ALIGN)) % ALIGN;

function kindOf(value: unknown): Kind {
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Float64Array) return 'f64';
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return 'strings';
  return 'json';
}

/** A string array as [count][UTF-16 length of each][UTF-8 text of all]. */
function encodeStrings(strings: string[]): Buffer {
  const text = Buffer.from(strings.join(''), 'utf8');
  const out = Buffer.allocUnsafeSlow(4 + 4 * strings.length + text.length);
  const lengths = new Uint32Array(out.buffer, out.byteOffset, 1 + strings.length);
  lengths[0] = strings.length;
  for (let i = 0; i < strings.length; i++) lengths[i + 1] = strings[i]!.length;
  text.copy(out, 4 + 4 * strings.length);
  return out;
}

function decodeStrings(buf: Buffer, at: number, bytes: number): string[] {
  const count = buf.readUInt32LE(at);
  const lengths = new Uint32Array(buf.buffer, buf.byteOffset + at + 4, count);
  const text = buf.toString('utf8', at + 4 + 4 * count, at + bytes);
  const out = new Array<string>(count);
  for (let i = 0, pos = 0; i < count; i++) {
    out[i] = text.slice(pos, pos + lengths[i]!);
    pos += lengths[i]!;
  }
  if (out.reduce((n, s) => n + s.length, 0) !== text.length) throw new Error('a text section does not add up');
  return out;
}

/** The chunks of a section file, ready to be written in order. */
export function encodeSections(format: string, version: number, meta: unknown, sections: Record<string, SectionValue>): Uint8Array[] {
  const body: Uint8Array[] = [];
  const entries: SectionEntry[] = [];
  let offset = 0;
  let crc = 0;
  const zeros = new Uint8Array(ALIGN);
  for (const [name, value] of Object.entries(sections)) {
    const kind = kindOf(value);
    // Copy-free: a typed array is written as the bytes it already has.
    const bytes =
      kind === 'text' ? Buffer.from(value as string, 'utf8') : kind === 'strings' ? encodeStrings(value as string[]) : kind === 'json' ? Buffer.from(JSON.stringify(value) ?? 'null', 'utf8') : new Uint8Array((value as TypedArray).buffer, (value as TypedArray).byteOffset, (value as TypedArray).byteLength);
    entries.push({ name, kind, offset, bytes: bytes.length });
    body.push(bytes);
    // Empty ones are skipped: zlib.crc32 of an empty view on an empty buffer returns 0, not the running value.
    if (bytes.length) crc = crc32(bytes, crc);
    const gap = pad(bytes.length);
    if (gap) {
      body.push(zeros.subarray(0, gap));
      crc = crc32(zeros.subarray(0, gap), crc);
    }
    offset += bytes.length + gap;
  }
  const fields = { format, version, meta, sections: entries, bodyBytes: offset };
  const header: Header = { ...fields, crc32: crc, headerCrc32: headerCrc(fields) };
  let line = JSON.stringify(header);
  line += ' '.repeat(pad(line.length + 1)) + '\n';
  return [Buffer.from(line, 'utf8'), ...body];
}

/** The file was written by another version of fleetdesk: not damaged, just not readable by this one. */
export class OtherVersionError extends Error {}

export interface DecodedSections {
  meta: unknown;
  sections: Record<string, SectionValue>;
}

/**
 * Reads a section file's buffer; throws with a plain-words reason when the
 * file is not one, is of another version, or is truncated or damaged.
 */
export function decodeSections(buf: Buffer, format: string, version: number): DecodedSections {
  const nl = buf.indexOf(0x0a);
  if (nl < 0) throw new Error('the file is cut short (no header line)');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 0, nl)) as Header;
  } catch {
    throw new Error('its header is damaged');
  }
  if (header.format !== format) throw new Error('it is not a fleetdesk file of this kind');
  if (header.version !== version) throw new OtherVersionError(`it was written by another version of fleetdesk (format ${header.version})`);
  if (headerCrc(header) !== header.headerCrc32) throw new Error('its header is damaged');
  const start = nl + 1;
  if (buf.length - start !== header.bodyBytes) throw new Error(`it is ${buf.length - start < header.bodyBytes ? 'cut short' : 'longer than it says'} (truncated or damaged)`);
  if (crc32(buf.subarray(start)) !== header.crc32) throw new Error('its contents do not match its checksum (damaged)');
  // Views need aligned addresses; a buffer that does not start aligned is copied once.
  const aligned = (buf.byteOffset + start) % ALIGN === 0 ? buf : Buffer.from(buf);
  const sections: Record<string, SectionValue> = {};
  for (const s of header.sections) {
    const at = start + s.offset;
    if (s.kind === 'text') sections[s.name] = aligned.toString('utf8', at, at + s.bytes);
    else if (s.kind === 'strings') sections[s.name] = decodeStrings(aligned, at, s.bytes);
    else if (s.kind === 'json') sections[s.name] = JSON.parse(aligned.toString('utf8', at, at + s.bytes));
    else {
      const Type = TYPED[s.kind];
      sections[s.name] = new Type(aligned.buffer as ArrayBuffer, aligned.byteOffset + at, s.bytes / Type.BYTES_PER_ELEMENT);
    }
  }
  return { meta: header.meta, sections };
}
