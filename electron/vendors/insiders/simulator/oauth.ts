import { randomBytes } from 'node:crypto';
import type { SimRequest, SimResponse } from '../../simulator-kit/server';

export interface InsidersSimCredentials {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The simulator's OAuth2 token server (django-oauth-toolkit behaviour, see
 * ../inferred.ts): password and refresh_token grants, random tokens with a
 * configurable lifetime, rotating refresh tokens.
 */
export class SimTokenServer {
  readonly accessTokens = new Map<string, number>(); // token → expires at (ms)
  readonly refreshTokens = new Set<string>();
  readonly grants = { password: 0, refresh: 0, refused: 0 };
  /** The account signs in fine but the API refuses every token (API access withdrawn). */
  apiAccessWithdrawn = false;

  constructor(
    private readonly creds: InsidersSimCredentials,
    public lifetimeSeconds: number,
    private readonly now: () => number,
  ) {}

  /** POST /oauth2/token/ (form-encoded). */
  handle(req: SimRequest): SimResponse {
    if (req.method !== 'POST') return { status: 405, json: { detail: 'Method "GET" not allowed.' } };
    const form = new URLSearchParams(req.body);
    if (form.get('client_id') !== this.creds.clientId || form.get('client_secret') !== this.creds.clientSecret) {
      this.grants.refused += 1;
      return { status: 401, json: { error: 'invalid_client' } };
    }
    const type = form.get('grant_type');
    if (type === 'password') {
      if (form.get('username') !== this.creds.username || form.get('password') !== this.creds.password) {
        this.grants.refused += 1;
        return { status: 400, json: { error: 'invalid_grant', error_description: 'Invalid credentials given.' } };
      }
      this.grants.password += 1;
      return this.issue();
    }
    if (type === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      if (!this.refreshTokens.delete(token)) {
        this.grants.refused += 1;
        return { status: 400, json: { error: 'invalid_grant' } };
      }
      this.grants.refresh += 1;
      return this.issue();
    }
    return { status: 400, json: { error: 'unsupported_grant_type' } };
  }

  /** True when the request carries a live Bearer token. */
  authorized(req: SimRequest): boolean {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const expiresAt = m?.[1] ? this.accessTokens.get(m[1]) : undefined;
    return !this.apiAccessWithdrawn && expiresAt !== undefined && this.now() < expiresAt;
  }

  /** Invalidate every access token (as a server-side revocation would). */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Invalidate every refresh token too, so only the password can sign in again. */
  revokeAll(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  private issue(): SimResponse {
    const access = randomBytes(20).toString('hex');
    const refresh = randomBytes(20).toString('hex');
    this.accessTokens.set(access, this.now() + this.lifetimeSeconds * 1000);
    this.refreshTokens.add(refresh);
    return {
      status: 200,
      json: { access_token: access, expires_in: this.lifetimeSeconds, token_type: 'Bearer', scope: 'read write', refresh_token: refresh },
    };
  }
}
