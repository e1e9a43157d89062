import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';
import type { TelemetronSeed } from '../../../electron/vendors/demo-fleet/seed-types';
import { TelemetronClient } from '../../../electron/vendors/telemetron/client';
import type { TelemetronSimulator } from '../../../electron/vendors/telemetron/simulator';
import type { HttpClientOptions } from '../../../electron/http/types';

/** John has a thermostat and the shared gateway; Jane shares the gateway; a sensor is unassigned. */
export function smallSeed(): TelemetronSeed {
  return {
    customers: [
      { id: 'cust_111222333', email: 'john.doe@example.com', name: 'John Doe', devices: ['SN-12345-ABCDE', 'GW-0001'] },
      { id: 'cust_444555666', email: 'jane.smith@example.com', name: 'Jane Smith', devices: ['GW-0001'] },
    ],
    devices: [
      { id: 'dev_a1b2c3d4e5f6', identifier: 'SN-12345-ABCDE', type: 'Thermostat' },
      { id: 'dev_gw0001', identifier: 'GW-0001', type: 'Gateway' },
      { id: 'dev_sensor9', identifier: 'SN-99999-ZZZZZ', type: 'Sensor' },
    ],
  };
}

export function clientFor(sim: TelemetronSimulator, apiKey = DEMO_CREDENTIALS.telemetron.apiKey, http: Partial<HttpClientOptions> = {}): TelemetronClient {
  return new TelemetronClient({ apiKey, baseUrl: sim.url }, { http: { backoffBaseMs: 10, ...http } });
}


export function dice(...values: number[]): () => number {
  return () => values.shift() ?? 0.99;
}
