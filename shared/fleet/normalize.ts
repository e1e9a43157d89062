/**
 * Serial numbers as vendors spell them differ: case, spaces, dashes and
 * prefixes such as "S/N " or "SN:". Linking compares this normalized form.
 */
const PREFIX = /^(?:S\/N|SN|SERIAL(?:\s*(?:NO|NUMBER))?)\s*[:#.-]?\s*/;

/** Already normalized: upper-case letters and digits only, and not starting like a prefix (S/N, SN, SERIAL). */
const CLEAN = /^[A-RT-Z0-9][A-Z0-9]*$/;

export function normalizeSerial(raw: string | null | undefined): string {
  if (!raw) return '';
  // Most vendors already send serials this way: nothing to normalize.
  if (CLEAN.test(raw)) return raw;
  let s = raw.normalize('NFKC').trim().toUpperCase();
  const stripped = s.replace(PREFIX, '');
  // Only strip a prefix when something serial-like is left ("SN" alone may be a real serial).
  if (stripped.length >= 4 && stripped !== s) s = stripped;
  return s.replace(/[\s\-_.]/g, '');
}
