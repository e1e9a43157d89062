import { z } from 'zod';
import { ABSOLUTE_HOSTS, ABSOLUTE_REGIONS, VENDORS, type VendorId } from './vendors';

/**
 * What each vendor connection needs, shared by the renderer's form and the
 * main process that stores it: which fields exist, which are secret (kept
 * only in the OS keychain, write-only from the renderer), and how each
 * non-secret setting is validated.
 */

export type FieldKind = 'text' | 'url' | 'select' | 'secret' | 'emails';

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  help?: string;
  placeholder?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Shown under "Advanced" (addresses that have a sensible default). */
  advanced?: boolean;
}

export const CONNECTION_FIELDS: Record<VendorId, readonly FieldDef[]> = {
  absolute: [
    {
      key: 'region',
      label: 'Region',
      kind: 'select',
      required: true,
      options: ABSOLUTE_REGIONS.map((r) => ({ value: r, label: `${r} (${ABSOLUTE_HOSTS[r]})` })),
      help: 'The data centre your Absolute account lives in.',
    },
    { key: 'tokenId', label: 'Token ID', kind: 'text', required: true, placeholder: 'e.g. 8b2d6fe7-0819-49b7-b29b-f565189d5e95' },
    { key: 'tokenSecret', label: 'Token secret', kind: 'secret', required: true },
    { key: 'baseUrl', label: 'API address', kind: 'url', required: false, advanced: true, help: "Leave empty to use the region's address." },
  ],
  telemetron: [
    { key: 'baseUrl', label: 'Base URL', kind: 'url', required: true, placeholder: 'https://admin.telemetron.ai' },
    { key: 'apiKey', label: 'API key', kind: 'secret', required: true },
    {
      key: 'customerEmails',
      label: 'Customer emails to watch',
      kind: 'emails',
      required: false,
      help: 'Telemetron cannot list its customers, so fleetdesk reads these on every sync, plus every customer it has seen before. One per line.',
    },
  ],
  insiders: [
    { key: 'username', label: 'Username', kind: 'text', required: true, placeholder: 'manager@example.com' },
    { key: 'password', label: 'Password', kind: 'secret', required: true },
    { key: 'clientId', label: 'Client ID', kind: 'text', required: true },
    { key: 'clientSecret', label: 'Client secret', kind: 'secret', required: true },
    { key: 'baseUrl', label: 'API address', kind: 'url', required: false, advanced: true, placeholder: 'https://api.insiders.live' },
    { key: 'tokenUrl', label: 'Sign-in address', kind: 'url', required: false, advanced: true, placeholder: 'https://account.insiders.live/oauth2/token/' },
  ],
  algosec: [
    { key: 'host', label: 'Host', kind: 'url', required: true, placeholder: 'https://afa.example.com', help: 'A self-signed certificate can be trusted for this connection after Test connection shows its fingerprint.' },
    { key: 'username', label: 'Username', kind: 'text', required: true, help: 'An administrator: the group APIs are admin only.' },
    { key: 'password', label: 'Password', kind: 'secret', required: true },
  ],
};

/** A field's label inside a sentence: "Token ID" → "token ID", "API key" stays. */
export const fieldPhrase = (label: string) =>
  label
    .split(' ')
    .map((w) => (w === w.toUpperCase() ? w : w.toLowerCase()))
    .join(' ');

/** The secret fields of a vendor: each one is one keychain entry `<connectionId>:<field>`. */
export const SECRET_FIELDS: Record<VendorId, readonly string[]> = Object.fromEntries(
  VENDORS.map((v) => [v, CONNECTION_FIELDS[v].filter((f) => f.kind === 'secret').map((f) => f.key)]),
) as unknown as Record<VendorId, readonly string[]>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A vendor address as fleetdesk will use it, or why not. A bare host gets
 * https://. Plain http is refused except to this computer (local simulators),
 * because credentials would cross the network in clear text.
 */
export function checkServiceUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: `"${text.slice(0, 80)}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'Use an https:// address.' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, message: 'Use https://: fleetdesk sends credentials over plain http only to this computer (127.0.0.1).' };
  }
  if (url.username || url.password) return { ok: false, message: 'Leave the username and password out of the address; they have their own fields.' };
  if (url.search || url.hash) return { ok: false, message: 'The address cannot have a query (?…) or a fragment (#…).' };
  // The path is kept as typed: some endpoints (Django's) only answer with their trailing slash.
  return { ok: true, url: url.pathname === '/' ? url.origin : `${url.origin}${url.pathname}` };
}

const serviceUrl = z
  .string()
  .max(300)
  .transform((raw, ctx) => {
    const checked = checkServiceUrl(raw);
    if (checked.ok) return checked.url;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });
/** Optional addresses: an empty field means "use the vendor's default". */
const optionalUrl = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), serviceUrl.optional());

// Same shape check as Telemetron applies (electron/vendors/telemetron/email.ts): one @, a dot in the domain.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isPlausibleEmail = (email: string) => EMAIL_RE.test(email.trim().toLowerCase());

const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'This field is required.')
    .max(max)
    .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), 'Control characters are not allowed.');

export const ConnectionLabelSchema = plain(80);

/** The non-secret settings of each vendor, as saved in the settings file and shown in the form. */
export const VENDOR_SETTINGS = {
  absolute: z.object({ region: z.enum(ABSOLUTE_REGIONS), tokenId: plain(200), baseUrl: optionalUrl }).strict(),
  telemetron: z
    .object({
      baseUrl: serviceUrl,
      customerEmails: z
        .array(z.string().trim().toLowerCase().max(254).refine(isPlausibleEmail, { error: (i) => `"${String(i.input).slice(0, 60)}" is not an email address.` }))
        .max(20_000)
        .default([])
        .transform((list) => [...new Set(list)]),
    })
    .strict(),
  insiders: z.object({ username: plain(254), clientId: plain(200), baseUrl: optionalUrl, tokenUrl: optionalUrl }).strict(),
  algosec: z.object({ host: serviceUrl, username: plain(254) }).strict(),
} as const;

/** A secret as typed: never trimmed or changed (a password may end in a space). */
const secretValue = z.string().min(1, 'This field is required.').max(4096);
const secretsOf = (v: VendorId) => z.object(Object.fromEntries(SECRET_FIELDS[v].map((k) => [k, secretValue.optional()]))).strict();

/** Our connection ids (`<vendor>-<12 hex>`, or the demo ids): anything else is refused before a handler runs. */
export const ConnectionIdSchema = z.string().min(1).max(64).regex(/^[a-z]+-[a-z0-9]+$/, 'Not a connection id.');

/**
 * Create (no id) or update (id) a connection. Secrets are write-only: a secret
 * field left out keeps the saved value; one given replaces it.
 */
export const SaveConnectionSchema = z.discriminatedUnion('vendor', [
  z.object({ vendor: z.literal('absolute'), id: ConnectionIdSchema.optional(), label: ConnectionLabelSchema, settings: VENDOR_SETTINGS.absolute, secrets: secretsOf('absolute') }).strict(),
  z.object({ vendor: z.literal('telemetron'), id: ConnectionIdSchema.optional(), label: ConnectionLabelSchema, settings: VENDOR_SETTINGS.telemetron, secrets: secretsOf('telemetron') }).strict(),
  z.object({ vendor: z.literal('insiders'), id: ConnectionIdSchema.optional(), label: ConnectionLabelSchema, settings: VENDOR_SETTINGS.insiders, secrets: secretsOf('insiders') }).strict(),
  z.object({ vendor: z.literal('algosec'), id: ConnectionIdSchema.optional(), label: ConnectionLabelSchema, settings: VENDOR_SETTINGS.algosec, secrets: secretsOf('algosec') }).strict(),
]);
export type SaveConnection = z.output<typeof SaveConnectionSchema>;

export const CertificateSchema = z.object({
  sha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validTo: z.string(),
  trustedByOs: z.boolean(),
});

/** One connection as the renderer sees it: settings, and for each secret only whether it is set. */
export const ConnectionViewSchema = z.object({
  id: z.string(),
  vendor: z.enum(VENDORS),
  label: z.string(),
  demo: z.boolean(),
  settings: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  secrets: z.record(z.string(), z.object({ set: z.boolean() })),
  pinnedCertSha256: z.string().nullable(),
  createdAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Live calls can be made now; otherwise `problem` says why and how to fix it. */
  live: z.boolean(),
  problem: z.string().nullable(),
});
export type ConnectionView = z.infer<typeof ConnectionViewSchema>;

/** Why a connection test failed, each with its own message for the technician. */
export const TEST_PROBLEMS = ['wrong-credentials', 'clock-skew', 'unreachable', 'timeout', 'tls-untrusted', 'tls-changed', 'permission', 'vendor-error', 'unexpected-answer', 'keychain'] as const;

export const TestResultSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  /** What worked, or precisely what went wrong and what to do next. */
  message: z.string(),
  problem: z.enum(TEST_PROBLEMS).nullable(),
  /** The vendor's own words, when it gave any (never a secret). */
  vendorMessage: z.string().nullable(),
  /** An untrusted or changed certificate, for the "Trust this certificate" choice. */
  certificate: CertificateSchema.nullable(),
});
export type TestResult = z.infer<typeof TestResultSchema>;
