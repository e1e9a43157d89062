import type { VendorId } from '../../shared/vendors';
import { AbsoluteClient } from '../vendors/absolute/client';
import { AlgosecClient } from '../vendors/algosec/client';
import type { RunningSimulators } from '../vendors/demo-fleet/start-all';
import { InsidersClient } from '../vendors/insiders/client';
import { TelemetronClient } from '../vendors/telemetron/client';
import type { ConnectionInfo, Connections, VendorClients } from './connections';
import { executorFor, sourceFor, type LiveConnection } from './vendor-parts';

/**
 * The built-in demo accounts: one connection per vendor, pointed at the
 * simulators running inside the app. Their credentials only open those
 * simulators, so they live in memory, never in the keychain.
 */
export function demoConnections(running: RunningSimulators, moreCustomers: (connectionId: string) => string[] = () => []): Connections {
  const { info } = running;
  const clients: VendorClients = {
    absolute: new AbsoluteClient({ region: info.absolute.region, tokenId: info.absolute.tokenId, tokenSecret: info.absolute.tokenSecret, baseUrl: info.absolute.url }),
    telemetron: new TelemetronClient({ apiKey: info.telemetron.apiKey, baseUrl: info.telemetron.url }),
    insiders: new InsidersClient({ ...info.insiders, baseUrl: info.insiders.url }),
    algosec: new AlgosecClient({ baseUrl: info.algosec.url, username: info.algosec.username, password: info.algosec.password }),
  };
  const infos: ConnectionInfo[] = [
    { id: 'demo-absolute', vendor: 'absolute', label: 'Demo Absolute', region: 'cadc', demo: true },
    { id: 'demo-telemetron', vendor: 'telemetron', label: 'Demo Telemetron', demo: true },
    { id: 'demo-insiders', vendor: 'insiders', label: 'Demo Insiders', demo: true },
    { id: 'demo-algosec', vendor: 'algosec', label: 'Demo AlgoSec', demo: true },
  ];
  const live = infos.map((i) => ({ info: i, client: clients[i.vendor] }) as LiveConnection);
  // Telemetron cannot list customers: the demo watches the customers it was seeded with, and any fleetdesk has seen or assigned to since.
  const customers = running.fleet.telemetron.customers.map((c) => c.email);
  const sources = live.map((c) => sourceFor(c, () => [...new Set([...customers, ...moreCustomers(c.info.id)])]));
  const executors = new Map(live.map((c) => [c.info.id, executorFor(c)]));
  const byId = new Map(live.map((c) => [c.info.id, c]));

  return {
    list: () => infos,
    get: (id) => byId.get(id)?.info ?? null,
    client: <V extends VendorId>(id: string, vendor: V) => {
      const c = byId.get(id);
      return c && c.info.vendor === vendor ? (c.client as VendorClients[V]) : null;
    },
    sources: () => sources,
    executorFor: (id) => executors.get(id) ?? null,
  };
}
