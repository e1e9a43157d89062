/**
 * Serial numbers as vendors spell them differ: case, spaces, dashes and
 * prefixes such as "S/N " or "SN:". Linking compares this normalized form.
 */
const PREFIX = /^(?:S\/N|SN|SERIAL(?:\s*(?:NO|NUMBER))?)\s*[:#.-]?\s*/;

export function normalizeSerial(raw: string | null | undefined): string {
  if (!raw) return '';
  let s = raw.normalize('NFKC').trim().toUpperCase();
  const stripped = s.replace(PREFIX, '');
  // Only strip a prefix when something serial-like is left ("SN" alone may be a real serial).
  if (stripped.length >= 4 && stripped !== s) s = stripped;
  return s.replace(/[\s\-_.]/g, '');
}
