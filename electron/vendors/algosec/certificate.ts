import { isIP } from 'node:net';
import tls from 'node:tls';
import { FleetError, appError } from '../../../shared/errors';

export interface CertificateInfo {
  /** SHA-256 fingerprint, colon-separated upper-case hex (the form a pin takes). */
  sha256: string;
  subject: string;
  issuer: string;
  /** ISO 8601. */
  validTo: string;
  /** Whether this machine's trusted CAs accept the certificate for this host. */
  trustedByOs: boolean;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects once with TLS verification off ONLY to read the certificate, so the
 * user can decide to trust it. Nothing is sent over this connection and it is
 * closed at once; no other connection is affected.
 */
export function fetchCertificate(baseUrl: string): Promise<CertificateInfo> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return Promise.reject(fail('bad-request', `"${baseUrl}" is not a valid AlgoSec address.`));
  }
  if (url.protocol !== 'https:') {
    return Promise.reject(fail('bad-request', 'The AlgoSec address does not use https, so it has no certificate to trust.'));
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);

  return new Promise<CertificateInfo>((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI is only for names, never for IP addresses.
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(fail('timeout', `AlgoSec at ${url.host} did not complete a TLS handshake within ${CONNECT_TIMEOUT_MS / 1000} s.`, true));
    }, CONNECT_TIMEOUT_MS);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const trustedByOs = socket.authorized;
      socket.end();
      if (!cert || !cert.fingerprint256) {
        reject(fail('tls', `AlgoSec at ${url.host} did not present a certificate.`));
        return;
      }
      resolve({
        sha256: cert.fingerprint256,
        subject: describeName(cert.subject),
        issuer: describeName(cert.issuer),
        validTo: toIso(cert.valid_to),
        trustedByOs,
      });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(fail('network', `Could not reach AlgoSec at ${url.host} to read its certificate (${err.code ?? 'connection failed'}).`, true));
    });
  });
}

/** "CN=afa.example.com, O=Example" from the parsed name (fields may repeat as arrays). */
function describeName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .filter((e): e is [string, string | string[]] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function toIso(validTo: string): string {
  const t = Date.parse(validTo);
  return Number.isNaN(t) ? validTo : new Date(t).toISOString();
}

function fail(kind: 'bad-request' | 'timeout' | 'tls' | 'network', message: string, retryable = false): FleetError {
  return new FleetError(appError(kind, message, { vendor: 'algosec', retryable }));
}
