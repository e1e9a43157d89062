import type { InsidersSeed } from '../../demo-fleet/seed-types';
import { DEMO_CREDENTIALS } from '../../demo-fleet/credentials';
import { startSimServer, type Faults, type SimServer } from '../../simulator-kit/server';
import { SimTokenServer, type InsidersSimCredentials } from './oauth';
import { TOKEN_PATH, insidersRoutes } from './routes';
import { InsidersSimState } from './state';

export { InsidersSimState } from './state';
export { SimTokenServer, type InsidersSimCredentials } from './oauth';

export interface InsidersSimulatorOptions {
  seed: InsidersSeed;
  faults?: Faults;
  port?: number;
  random?: () => number;
  /** What the token server accepts; defaults to DEMO_CREDENTIALS.insiders. */
  credentials?: InsidersSimCredentials;
  /** Access token lifetime; the real service gives 36000 s. Tests shorten it. */
  tokenLifetimeSeconds?: number;
  /** The server's clock (token expiry, take/release times); tests move it. */
  now?: () => number;
}

export interface InsidersSimulator extends SimServer {
  credentials: InsidersSimCredentials;
  /** Live devices and ownerships. */
  state: InsidersSimState;
  /** Live tokens and grant counters (tests revoke tokens, count refreshes). */
  tokens: SimTokenServer;
  /** `tokenUrl` to give the client: the token endpoint lives on the same server. */
  tokenUrl: string;
}

/** A local Insiders API + OAuth2 token server on one loopback port. */
export async function startInsidersSimulator(options: InsidersSimulatorOptions): Promise<InsidersSimulator> {
  const now = options.now ?? Date.now;
  // A copy: tests change the accepted password "underneath" without touching the shared demo constants.
  const credentials = { ...(options.credentials ?? DEMO_CREDENTIALS.insiders) };
  const state = new InsidersSimState(options.seed);
  const tokens = new SimTokenServer(credentials, options.tokenLifetimeSeconds ?? 36000, now);
  const server = await startSimServer({
    handle: insidersRoutes(state, tokens, now),
    // DRF-style error body for injected faults too.
    errorBody: (status, message) => ({ status, json: { detail: message } }),
    faults: options.faults,
    port: options.port,
    random: options.random,
  });
  return Object.assign(server, { credentials, state, tokens, tokenUrl: `${server.url}${TOKEN_PATH}` });
}
