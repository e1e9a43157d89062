import type { AlgosecSeed } from '../../demo-fleet/seed-types';
import { DEMO_CREDENTIALS } from '../../demo-fleet/credentials';
import { startSimServer, type Faults, type SimServer } from '../../simulator-kit/server';
import { algosecRoutes, vendorError, type LockWindow } from './routes';
import { SimSessions, type AlgosecSimUser } from './sessions';
import { AlgosecSimState } from './state';
import { startTlsFront } from './tls-front';

export { AlgosecSimState, type SimGroup } from './state';
export { SimSessions, type AlgosecSimUser } from './sessions';

/** A second, non-admin account: it signs in and lists devices, but the group (EA) APIs answer 403. */
export const NON_ADMIN_USER: AlgosecSimUser = { username: 'auditor', password: 'demo-algosec-auditor-3c91', admin: false };

export interface AlgosecSimulatorOptions {
  seed: AlgosecSeed;
  faults?: Faults;
  port?: number;
  random?: () => number;
  /** The admin account it accepts; defaults to DEMO_CREDENTIALS.algosec. */
  credentials?: { username: string; password: string };
  /** Group changes answer 423 Locked until this time (ms since epoch). */
  lockedUntil?: number;
  /** Serve https with this key and certificate (a self-signed appliance). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  now?: () => number;
}

export interface AlgosecSimulator extends SimServer {
  credentials: { username: string; password: string };
  nonAdmin: AlgosecSimUser;
  /** Live devices and groups. */
  state: AlgosecSimState;
  /** Live sessions and login counters. */
  sessions: SimSessions;
  /** Group changes answer 423 for the next `ms` milliseconds (another operation in progress). */
  setLocked(ms: number): void;
  /** The next group change finds the appliance locked for `ms` milliseconds. */
  lockOnNextChange(ms: number): void;
  /** End every session now, as an appliance restart would. */
  expireSessions(): void;
}

/** A local AFA appliance: session login, devices, and the EA group APIs. */
export async function startAlgosecSimulator(options: AlgosecSimulatorOptions): Promise<AlgosecSimulator> {
  const now = options.now ?? Date.now;
  // A copy: tests change the accepted password "underneath" without touching the shared demo constants.
  const credentials = { ...(options.credentials ?? DEMO_CREDENTIALS.algosec) };
  const nonAdmin = { ...NON_ADMIN_USER };
  const sessions = new SimSessions(() => [{ ...credentials, admin: true }, nonAdmin]);
  const state = new AlgosecSimState(options.seed);
  const lock: LockWindow = { until: options.lockedUntil ?? 0 };
  const server = await startSimServer({
    handle: algosecRoutes(state, sessions, lock, now),
    errorBody: (status, message) => vendorError(status, message),
    faults: options.faults,
    port: options.tls ? undefined : options.port,
    random: options.random,
  });
  const front = options.tls ? await startTlsFront(server.port, options.tls.key, options.tls.cert, options.port) : null;
  const closeHttp = server.close.bind(server);
  return Object.assign(server, {
    ...(front ? { url: `https://127.0.0.1:${front.port}`, port: front.port } : {}),
    credentials,
    nonAdmin,
    state,
    sessions,
    setLocked(ms: number) {
      lock.until = now() + ms;
    },
    lockOnNextChange(ms: number) {
      lock.onNextChangeMs = ms;
    },
    expireSessions() {
      sessions.expireAll();
    },
    async close() {
      await front?.close();
      await closeHttp();
    },
  });
}
