import type { TelemetronSeed } from '../../demo-fleet/seed-types';
import { DEMO_CREDENTIALS } from '../../demo-fleet/credentials';
import { startSimServer, type Faults, type SimServer } from '../../simulator-kit/server';
import { telemetronRoutes } from './routes';
import { TelemetronSimState } from './state';

export { TelemetronSimState, type SimDevice } from './state';

export interface TelemetronSimulatorOptions {
  seed: TelemetronSeed;
  faults?: Faults;
  port?: number;
  random?: () => number;
  /** The API key it accepts; defaults to DEMO_CREDENTIALS.telemetron. */
  credentials?: { apiKey: string };
}

export interface TelemetronSimulator extends SimServer {
  /** Mutable: tests rotate the key "underneath" the app. */
  credentials: { apiKey: string };
  state: TelemetronSimState;
}

/** A local Telemetron ext-v1 API (base URL = `url`; paths under /api/ext-v1/). */
export async function startTelemetronSimulator(options: TelemetronSimulatorOptions): Promise<TelemetronSimulator> {
  const credentials = { ...(options.credentials ?? DEMO_CREDENTIALS.telemetron) };
  const state = new TelemetronSimState(options.seed);
  const server = await startSimServer({
    handle: telemetronRoutes(state, credentials),
    errorBody: (status, message) => ({ status, json: { error: message } }),
    faults: options.faults,
    port: options.port,
    random: options.random,
  });
  return Object.assign(server, { credentials, state });
}
