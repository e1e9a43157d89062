import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../inferred';
import type { SimRequest } from '../../simulator-kit/server';

export interface AlgosecSimUser {
  username: string;
  password: string;
  /** The group (EA) APIs are admin only: a non-admin gets 403 there. */
  admin: boolean;
}

/** PHPSESSID sessions: opened by login, closed by logout or expireAll. */
export class SimSessions {
  private readonly live = new Map<string, AlgosecSimUser>();
  readonly counts = { logins: 0, refused: 0, logouts: 0 };
  /** Sign-in works but every session is refused at once (a misbehaving appliance): clients must not loop. */
  refuseAllSessions = false;

  /** Read on every login, so a test can change an accepted password underneath. */
  constructor(private readonly users: () => AlgosecSimUser[]) {}

  login(username: unknown, password: unknown): string | null {
    const user = this.users().find((u) => u.username === username && u.password === password);
    if (!user) {
      this.counts.refused += 1;
      return null;
    }
    this.counts.logins += 1;
    // AFA session ids look like PHP's: 26 lower-case base32-ish characters.
    const id = randomBytes(16).toString('hex').slice(0, 26);
    this.live.set(id, user);
    return id;
  }

  /** The signed-in user of a request, or null when its cookie has no live session. */
  userOf(req: SimRequest): AlgosecSimUser | null {
    const id = sessionIdOf(req);
    return id && !this.refuseAllSessions ? (this.live.get(id) ?? null) : null;
  }

  logout(req: SimRequest): boolean {
    const id = sessionIdOf(req);
    if (!id || !this.live.delete(id)) return false;
    this.counts.logouts += 1;
    return true;
  }

  /** Every session ends at once (appliance restart, idle timeout): clients must sign in again. */
  expireAll(): void {
    this.live.clear();
  }

  get size(): number {
    return this.live.size;
  }
}

function sessionIdOf(req: SimRequest): string | null {
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return v.join('=');
  }
  return null;
}
