import { FleetError, appError } from '../../../shared/errors';
import type { HttpClient } from '../../http/client';
import { LOGIN_PATH, LOGIN_REFUSED_STATUSES, LOGOUT_PATH, SESSION_COOKIE } from './inferred';
import { LoginAnswerSchema } from './wire';

export const LOGIN_REFUSED_MESSAGE = 'AlgoSec refused the username or password';

/**
 * One AFA session (PHPSESSID) shared by every call of a client. Concurrent
 * callers share one login (single flight); after a 401 the session is renewed
 * once, unless another caller already renewed it.
 */
export class AlgosecSession {
  private sessionId: string | null = null;
  /** Kept for redaction: a late answer may still echo the session that just expired. */
  private previousId: string | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly creds: { username: string; password: string },
    private readonly http: HttpClient,
    private readonly base: string,
  ) {}

  secrets(): string[] {
    return [this.creds.password, this.sessionId ?? '', this.previousId ?? ''].filter((s) => s.length > 0);
  }

  cookie(sessionId: string): string {
    return `${SESSION_COOKIE}=${sessionId}`;
  }

  /** The live session, signing in first when there is none. */
  async current(signal?: AbortSignal): Promise<string> {
    if (this.inflight) return this.inflight;
    if (this.sessionId) return this.sessionId;
    return this.login(signal);
  }

  /** AFA answered 401 to `rejected`: sign in again, unless someone already did. */
  async renewAfter(rejected: string, signal?: AbortSignal): Promise<string> {
    if (this.inflight) return this.inflight;
    if (this.sessionId && this.sessionId !== rejected) return this.sessionId;
    return this.login(signal);
  }

  /** Signs in (again), replacing any current session. */
  login(signal?: AbortSignal): Promise<string> {
    if (this.inflight) return this.inflight;
    this.inflight = this.signIn(signal).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Ends the session on the appliance. A session the appliance already dropped (401) is fine. */
  async logout(signal?: AbortSignal): Promise<void> {
    const id = this.sessionId;
    if (!id) return;
    this.forget();
    try {
      await this.http.send({
        method: 'POST',
        url: `${this.base}${LOGOUT_PATH}`,
        headers: { cookie: this.cookie(id), accept: 'application/json' },
        idempotent: true,
        signal,
      });
    } catch (err) {
      if (!(err instanceof FleetError && err.detail.status === 401)) throw err;
    }
  }

  private forget(): void {
    if (this.sessionId) this.previousId = this.sessionId;
    this.sessionId = null;
  }

  private async signIn(signal?: AbortSignal): Promise<string> {
    this.forget();
    let res;
    try {
      res = await this.http.send({
        method: 'POST',
        url: `${this.base}${LOGIN_PATH}`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username: this.creds.username, password: this.creds.password }),
        // Signing in twice only opens a second session: safe to resend.
        idempotent: true,
        signal,
      });
    } catch (err) {
      if (err instanceof FleetError && err.detail.status !== undefined && LOGIN_REFUSED_STATUSES.has(err.detail.status)) {
        throw refused(err.detail.status, err.detail.vendorMessage);
      }
      throw err;
    }
    const parsed = LoginAnswerSchema.safeParse(this.http.parseJson(res, 'a sign-in answer'));
    if (!parsed.success) throw this.http.shapeError('a sign-in answer', res, parsed.error.issues[0]?.path.join('.') || 'body');
    if (!parsed.data.status) throw refused(res.status, undefined);
    if (!parsed.data.SessionID) throw this.http.shapeError('a sign-in answer', res, 'SessionID is missing');
    this.sessionId = parsed.data.SessionID;
    return this.sessionId;
  }
}

function refused(status: number, vendorMessage: string | undefined): FleetError {
  return new FleetError(
    appError('auth', `${LOGIN_REFUSED_MESSAGE}. Check them in the connection settings.`, { vendor: 'algosec', status, vendorMessage }),
  );
}
