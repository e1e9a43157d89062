/**
 * Telemetron's documented email handling: "Emails are trimmed, lowercased, and
 * validated. Invalid emails are skipped." Client and simulator share this rule
 * so the app predicts exactly which addresses the vendor will accept.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Inferred: a pragmatic shape check (one @, no spaces, a dot in the domain), not full RFC 5322.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isValidEmail(email: string): boolean {
  return EMAIL_RE.test(normalizeEmail(email));
}

/** The name Telemetron gives an auto-created customer: the email prefix. */
export function namePrefix(email: string): string {
  return normalizeEmail(email).split('@')[0] ?? '';
}
