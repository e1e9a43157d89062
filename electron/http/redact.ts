/** Replaces every secret value (and common credential shapes) in a text with a marker. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  return out
    .replace(/(authorization|x-api-key|cookie|set-cookie)\s*[:=]\s*[^\n,;]+/gi, '$1: [redacted]')
    .replace(/(Signature|PHPSESSID|access_token|refresh_token|client_secret|password|SessionID)(["']?\s*[:=]\s*["']?)[^"'&\s,;}]+/gi, '$1$2[redacted]')
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]');
}

/** A short, single-line, secret-free excerpt of a response body for error messages. */
export function excerpt(body: string, secrets: readonly string[], max = 120): string {
  const flat = redact(body, secrets).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
