import type { VendorId } from '../../shared/vendors';
import { absoluteSource } from '../sync/sources/absolute-source';
import { algosecSource } from '../sync/sources/algosec-source';
import { insidersSource } from '../sync/sources/insiders-source';
import { telemetronSource } from '../sync/sources/telemetron-source';
import type { SyncSource } from '../sync/types';
import { AbsoluteClient } from '../vendors/absolute/client';
import { AlgosecClient } from '../vendors/algosec/client';
import type { RunningSimulators } from '../vendors/demo-fleet/start-all';
import { InsidersClient } from '../vendors/insiders/client';
import { TelemetronClient } from '../vendors/telemetron/client';

export interface Connection {
  id: string;
  vendor: VendorId;
  label: string;
  /** Absolute region, for the unenroll summary. */
  region?: string;
}

export interface DemoClients {
  absolute: AbsoluteClient;
  telemetron: TelemetronClient;
  insiders: InsidersClient;
  algosec: AlgosecClient;
}

/**
 * The built-in demo accounts: one connection per vendor, pointed at the
 * simulators running inside the app. Their credentials only open those
 * simulators, so they live in memory, never in the keychain.
 */
export function demoConnections(running: RunningSimulators): { connections: Connection[]; clients: DemoClients; sources: SyncSource[] } {
  const { info } = running;
  const clients: DemoClients = {
    absolute: new AbsoluteClient({ region: info.absolute.region, tokenId: info.absolute.tokenId, tokenSecret: info.absolute.tokenSecret, baseUrl: info.absolute.url }),
    telemetron: new TelemetronClient({ apiKey: info.telemetron.apiKey, baseUrl: info.telemetron.url }),
    insiders: new InsidersClient({ ...info.insiders, baseUrl: info.insiders.url }),
    algosec: new AlgosecClient({ baseUrl: info.algosec.url, username: info.algosec.username, password: info.algosec.password }),
  };
  const connections: Connection[] = [
    { id: 'demo-absolute', vendor: 'absolute', label: 'Demo Absolute', region: 'cadc' },
    { id: 'demo-telemetron', vendor: 'telemetron', label: 'Demo Telemetron' },
    { id: 'demo-insiders', vendor: 'insiders', label: 'Demo Insiders' },
    { id: 'demo-algosec', vendor: 'algosec', label: 'Demo AlgoSec' },
  ];
  // Telemetron cannot list customers: the demo watches the customers it was seeded with.
  const customers = running.fleet.telemetron.customers.map((c) => c.email);
  const sources = [
    absoluteSource('demo-absolute', 'Demo Absolute', clients.absolute),
    telemetronSource('demo-telemetron', 'Demo Telemetron', clients.telemetron, () => customers),
    insidersSource('demo-insiders', 'Demo Insiders', clients.insiders),
    algosecSource('demo-algosec', 'Demo AlgoSec', clients.algosec),
  ];
  return { connections, clients, sources };
}
