/**
 * Case- and accent-insensitive form of text for matching: "José" → "jose".
 * ASCII (nearly every serial, id and email) takes the fast path.
 */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
