import { FleetError, appError } from '../../../shared/errors';
import type { HttpClient } from '../../http/client';
import { oauthErrorCode } from './errors';
import { TokenResponseSchema, type TokenResponse } from './wire';

export interface PasswordGrant {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

interface TokenState {
  access: string;
  refresh: string | null;
  /** When to renew (ms, on the injected clock): a little before the vendor's expiry. */
  renewAt: number;
}

/** Renew this long before expiry: 10% of the lifetime, at most 5 minutes (36000 s tokens → 5 min). */
const renewMarginMs = (lifetimeMs: number) => Math.min(300_000, lifetimeMs / 10);

/**
 * Insiders OAuth2 password grant with refresh. One token is shared by every
 * call; concurrent callers share one login/refresh (single flight). Renewal
 * order: refresh token, then the password once, then a clear `auth` error.
 */
export class InsidersAuth {
  private state: TokenState | null = null;
  private inflight: Promise<TokenState> | null = null;

  constructor(
    private readonly creds: PasswordGrant,
    private readonly http: HttpClient,
    private readonly tokenUrl: string,
    private readonly now: () => number,
  ) {}

  /** Current secrets for redaction: password, client secret and live tokens. */
  secrets(): string[] {
    const s = [this.creds.password, this.creds.clientSecret];
    if (this.state) s.push(this.state.access, ...(this.state.refresh ? [this.state.refresh] : []));
    return s;
  }

  /** A valid access token, renewed shortly before it expires. */
  async accessToken(): Promise<string> {
    if (this.inflight) return (await this.inflight).access;
    if (this.state && this.now() < this.state.renewAt) return this.state.access;
    return (await this.renew()).access;
  }

  /**
   * The vendor answered 401 to `rejected`: renew once. If another caller already
   * renewed since, its token is used instead of renewing again.
   */
  async afterUnauthorized(rejected: string): Promise<string> {
    if (this.inflight) return (await this.inflight).access;
    if (this.state && this.state.access !== rejected) return this.state.access;
    return (await this.renew()).access;
  }

  private renew(): Promise<TokenState> {
    const run = async () => {
      const refresh = this.state?.refresh;
      if (refresh) {
        try {
          return this.adopt(await this.grant({ grant_type: 'refresh_token', refresh_token: refresh }, false));
        } catch (err) {
          // A used, expired or revoked refresh token: fall back to the password, once.
          if (!(err instanceof FleetError) || err.detail.kind !== 'auth') throw err;
        }
      }
      return this.adopt(await this.login());
    };
    this.inflight = run().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private adopt(t: TokenResponse): TokenState {
    const lifetimeMs = t.expires_in * 1000;
    this.state = {
      access: t.access_token,
      // Some servers keep the old refresh token on refresh and send none back.
      refresh: t.refresh_token ?? this.state?.refresh ?? null,
      renewAt: this.now() + lifetimeMs - renewMarginMs(lifetimeMs),
    };
    return this.state;
  }

  private async login(): Promise<TokenResponse> {
    try {
      return await this.grant({ grant_type: 'password', username: this.creds.username, password: this.creds.password }, true);
    } catch (err) {
      if (!(err instanceof FleetError) || err.detail.kind !== 'auth') throw err;
      this.state = null;
      throw new FleetError(appError('auth', loginRefusedMessage(err.detail.vendorMessage, err.detail.status), {
        vendor: 'insiders',
        status: err.detail.status,
        vendorMessage: err.detail.vendorMessage,
      }));
    }
  }

  private async grant(fields: Record<string, string>, idempotent: boolean): Promise<TokenResponse> {
    const body = new URLSearchParams({ ...fields, client_id: this.creds.clientId, client_secret: this.creds.clientSecret }).toString();
    const res = await this.http.send({
      method: 'POST',
      url: this.tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      // Re-sending a password grant is harmless; a refresh token may be single-use.
      idempotent,
    });
    const parsed = TokenResponseSchema.safeParse(this.http.parseJson(res, 'a sign-in answer'));
    if (!parsed.success) throw this.http.shapeError('a sign-in answer', res, parsed.error.issues[0]?.path.join('.') || 'token');
    return parsed.data;
  }
}

function loginRefusedMessage(vendorMessage: string | undefined, status: number | undefined): string {
  const code = oauthErrorCode(vendorMessage);
  if (code === 'invalid_client' || (code === 'other' && status === 401)) {
    return 'Insiders refused the client ID or client secret of this connection (invalid_client). Check them in the connection settings.';
  }
  if (code === 'invalid_grant') {
    return 'Insiders refused the username or password of this connection (invalid_grant). Check them in the connection settings.';
  }
  return `Insiders refused to sign in${vendorMessage ? `: ${vendorMessage}` : ''}.`;
}
