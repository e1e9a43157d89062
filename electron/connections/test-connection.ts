import { FleetError, toAppError, type AppError } from '../../shared/errors';
import type { TestResult } from '../../shared/connections';
import { VENDOR_LABELS, type VendorId } from '../../shared/vendors';
import { MESSAGES as ABSOLUTE_MESSAGES } from '../vendors/absolute/inferred';
import { fetchCertificate, type CertificateInfo } from '../vendors/algosec/certificate';
import { oauthErrorCode } from '../vendors/insiders/errors';
import type { VendorClients } from './connections';
import type { LiveConnection } from './vendor-parts';

/** A device name no appliance has: asking for its groups proves the EA (admin) APIs answer, and changes nothing. */
const ALGOSEC_ADMIN_PROBE = 'fleetdesk-connection-check';

export interface TestContext {
  /** The address the user configured (host and port shown in messages). */
  address: string;
  username?: string;
  now?: () => Date;
}

/**
 * "Test connection": one cheap authenticated call per vendor (AlgoSec: a
 * fresh sign-in and one admin-only read), and on failure a message that says
 * precisely what went wrong and what to do.
 */
export async function testConnection(live: LiveConnection, ctx: TestContext): Promise<TestResult> {
  const checkedAt = () => (ctx.now?.() ?? new Date()).toISOString();
  const vendor = live.info.vendor;
  try {
    const message = await probe(live, ctx);
    return { ok: true, checkedAt: checkedAt(), message, problem: null, vendorMessage: null, certificate: null };
  } catch (err) {
    const error = err instanceof FleetError ? err.detail : toAppError(err);
    const failure = describeFailure(vendor, error, ctx);
    const certificate = failure.problem === 'tls-untrusted' || failure.problem === 'tls-changed' ? await certificateOf(vendor, ctx.address) : null;
    return { ok: false, checkedAt: checkedAt(), ...failure, vendorMessage: failure.vendorMessage ?? null, certificate };
  }
}

async function probe(live: LiveConnection, ctx: TestContext): Promise<string> {
  switch (live.info.vendor) {
    case 'absolute':
      await (live.client as VendorClients['absolute']).testConnection();
      return `Connected: Absolute accepted the token and listed devices (region ${live.info.region ?? 'unknown'}).`;
    case 'telemetron':
      await (live.client as VendorClients['telemetron']).testConnection();
      return 'Connected: Telemetron accepted the API key.';
    case 'insiders':
      await (live.client as VendorClients['insiders']).testConnection();
      return `Connected: signed in to Insiders as ${ctx.username ?? 'this user'} and read the device list.`;
    case 'algosec': {
      const client = live.client as VendorClients['algosec'];
      await client.testConnection();
      try {
        await client.groupsOfDevices([ALGOSEC_ADMIN_PROBE]);
      } finally {
        await client.logout().catch(() => {});
      }
      return `Connected: signed in to AlgoSec as ${ctx.username ?? 'this user'}, with the administrator access the group APIs need.`;
    }
  }
}

type Failure = Pick<TestResult, 'message' | 'problem'> & { vendorMessage?: string | null };

/** The message a technician reads for each way a test can fail. */
export function describeFailure(vendor: VendorId, error: AppError, ctx: TestContext): Failure {
  const name = VENDOR_LABELS[vendor];
  const address = hostOf(ctx.address);
  const said = error.vendorMessage ?? null;
  switch (error.kind) {
    case 'auth':
      return { problem: 'wrong-credentials', message: wrongCredentials(vendor, error, ctx), vendorMessage: said };
    case 'clock-skew': {
      const offset = (said ?? '').replace(ABSOLUTE_MESSAGES.clockWindow, '').replace(/try again\.$/, 'test again.').trim();
      return {
        problem: 'clock-skew',
        message: `Clock skew: ${name} refuses requests signed more than 5 minutes away from its own time. ${offset || "Check this computer's date, time and time zone, then test again."}`,
        vendorMessage: ABSOLUTE_MESSAGES.clockWindow,
      };
    }
    case 'network': {
      const [, at = address, code = ''] = /unreachable at (\S+) \(([A-Z_]+)\)/.exec(error.message) ?? [];
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return { problem: 'unreachable', message: `Host not found: ${at} does not resolve (${code}). Check the spelling of the address, and your VPN.` };
      }
      return { problem: 'unreachable', message: `Host unreachable: nothing answers at ${at}${code ? ` (${code})` : ''}. Check the address, and that this computer is online (VPN, proxy).` };
    }
    case 'timeout':
      return { problem: 'timeout', message: `No answer: ${name} at ${address} did not answer in time. Check the address, VPN or proxy, then test again.` };
    case 'tls':
      if (/does not match/.test(error.message)) {
        return {
          problem: 'tls-changed',
          message: `Certificate changed: ${address} now shows a different certificate from the one you trusted for this connection. The appliance may have a new certificate, or someone may be intercepting the connection: trust the new one only after checking its fingerprint with your ${name} administrator.`,
        };
      }
      return vendor === 'algosec'
        ? {
            problem: 'tls-untrusted',
            message: `Certificate not trusted: ${address} shows a certificate this computer does not trust (self-signed, or from an unknown authority). Compare its fingerprint below with the one your AlgoSec administrator gives you, and trust it only if they match.`,
          }
        : {
            problem: 'tls-untrusted',
            message: `Certificate not trusted: ${address} shows a certificate this computer does not trust. fleetdesk only trusts what this computer trusts for ${name}: ask your IT team to install the certificate authority of your network's proxy.`,
          };
    case 'forbidden':
      return { problem: 'permission', message: permissionMissing(vendor, ctx), vendorMessage: said };
    case 'keychain':
      return { problem: 'keychain', message: error.message };
    case 'bad-response':
      return { problem: 'unexpected-answer', message: `Unexpected answer: ${address} answered, but not like the ${name} API. Check the address. (${error.message})` };
    default:
      if (vendor === 'absolute' && error.kind === 'bad-request' && error.status === 403) {
        return { problem: 'unexpected-answer', message: `Unexpected answer: ${address} answered, but not like the Absolute API (its gateway refused the path). Check the API address.` };
      }
      return {
        problem: 'vendor-error',
        message: `${name} answered with an error${error.status ? ` (HTTP ${error.status})` : ''}${said ? `: “${said}”` : ''}. ${error.retryable ? 'Test again in a moment; if it persists, contact the vendor.' : 'Check the connection settings.'}`,
        vendorMessage: said,
      };
  }
}

function wrongCredentials(vendor: VendorId, error: AppError, ctx: TestContext): string {
  switch (vendor) {
    case 'absolute':
      return 'Wrong token: Absolute refused the signature. Check the token ID and token secret (and the region the token was made in), then save them again.';
    case 'telemetron':
      return 'Wrong API key: Telemetron refused it. Copy the key again from Telemetron and save it here.';
    case 'insiders': {
      const code = oauthErrorCode(error.vendorMessage);
      if (code === 'invalid_client') return 'Wrong client ID or client secret: Insiders refused the app credentials (invalid_client).';
      if (code === 'invalid_grant') return `Wrong username or password: Insiders refused the sign-in of ${ctx.username ?? 'this user'} (invalid_grant).`;
      return `Insiders refused the credentials: ${error.message}`;
    }
    case 'algosec':
      return `Wrong username or password: AlgoSec refused the sign-in of ${ctx.username ?? 'this user'}.`;
  }
}

function permissionMissing(vendor: VendorId, ctx: TestContext): string {
  switch (vendor) {
    case 'algosec':
      return `Permission missing: AlgoSec accepted the sign-in, but ${ctx.username ?? 'this account'} is not an administrator, and the group APIs fleetdesk uses are admin only. Use an administrator account.`;
    case 'absolute':
      return "Permission missing: Absolute accepted the token, but the token's role may not read devices. Give the role device access in the Absolute console, or use another token.";
    default:
      return `Permission missing: ${VENDOR_LABELS[vendor]} accepted the credentials, but refuses this account the data fleetdesk reads.`;
  }
}

async function certificateOf(vendor: VendorId, address: string): Promise<CertificateInfo | null> {
  if (vendor !== 'algosec') return null;
  try {
    return await fetchCertificate(address);
  } catch {
    return null;
  }
}

function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}
