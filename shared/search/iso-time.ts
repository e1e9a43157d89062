/**
 * Milliseconds of an ISO-8601 UTC time like 2026-03-03T14:05:00Z (the shape
 * every vendor here sends), without the cost of Date.parse; anything else
 * falls back to Date.parse.
 */
export function parseIsoUtc(s: string): number {
  const d = (i: number) => s.charCodeAt(i) - 48;
  if (s.length >= 20 && s[4] === '-' && s[7] === '-' && s[10] === 'T' && s[13] === ':' && s[16] === ':' && s[s.length - 1] === 'Z' && (s.length === 20 || s[19] === '.')) {
    const t = Date.UTC(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), d(5) * 10 + d(6) - 1, d(8) * 10 + d(9), d(11) * 10 + d(12), d(14) * 10 + d(15), d(17) * 10 + d(18));
    if (!Number.isNaN(t)) return s.length === 20 ? t : Date.parse(s);
  }
  return Date.parse(s);
}
