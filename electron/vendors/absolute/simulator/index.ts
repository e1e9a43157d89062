import type { AbsoluteSeed } from '../../demo-fleet/seed-types';
import { DEMO_CREDENTIALS } from '../../demo-fleet/credentials';
import { startSimServer, type Faults, type SimServer } from '../../simulator-kit/server';
import { absoluteError, absoluteRoutes, type AbsoluteSimSwitches } from './routes';
import { AbsoluteSimState } from './state';

export { AbsoluteSimState } from './state';

/** A second token whose role may not read devices: it signs fine, and the API answers 403. */
export const NO_DEVICE_ACCESS_TOKEN = { tokenId: '3c0f9a4e-55d1-4b7a-9e0c-6a2f1d8b7c40', tokenSecret: 'demo-absolute-no-access-secret-8e21' };

export interface AbsoluteSimulatorOptions {
  seed: AbsoluteSeed;
  faults?: Faults;
  port?: number;
  random?: () => number;
  /** The token it accepts; defaults to DEMO_CREDENTIALS.absolute. */
  credentials?: { tokenId: string; tokenSecret: string };
  /** The server's clock runs this far ahead of the machine's (negative: behind). */
  clockOffsetMs?: number;
  now?: () => number;
}

export interface AbsoluteSimulator extends SimServer {
  credentials: { region: 'cadc'; tokenId: string; tokenSecret: string };
  state: AbsoluteSimState;
  /** Live switches: clock offset and the doc's malformed unenroll answer. */
  switches: AbsoluteSimSwitches;
}

/** A local Absolute API v2: signed requests only, device listing and bulk unenroll. */
export async function startAbsoluteSimulator(options: AbsoluteSimulatorOptions): Promise<AbsoluteSimulator> {
  const now = options.now ?? Date.now;
  const credentials = { region: 'cadc' as const, ...(options.credentials ?? { tokenId: DEMO_CREDENTIALS.absolute.tokenId, tokenSecret: DEMO_CREDENTIALS.absolute.tokenSecret }) };
  const state = new AbsoluteSimState(options.seed);
  const switches: AbsoluteSimSwitches = { clockOffsetMs: options.clockOffsetMs ?? 0, malformedUnenroll: false };
  // Looked up on every request, so a test can change the accepted secret underneath.
  const tokens = {
    get: (id: string) => (id === credentials.tokenId ? credentials.tokenSecret : id === NO_DEVICE_ACCESS_TOKEN.tokenId ? NO_DEVICE_ACCESS_TOKEN.tokenSecret : undefined),
  } as Map<string, string>;
  const server = await startSimServer({
    handle: absoluteRoutes(state, tokens, switches, now, new Set([NO_DEVICE_ACCESS_TOKEN.tokenId])),
    errorBody: (status, message) => absoluteError(status, message),
    faults: options.faults,
    port: options.port,
    random: options.random,
  });
  return Object.assign(server, { credentials, state, switches });
}
