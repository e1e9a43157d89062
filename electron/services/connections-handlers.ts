import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ConnectionRegistry } from '../connections/registry';
import type { Settings } from '../connections/settings-store';
import type { SyncService } from '../sync/sync-service';

export interface ConnectionHandlerDeps {
  connections: ConnectionRegistry;
  settings: Settings;
  sync: SyncService;
}

/** The Connections screen: accounts (secrets write-only), connection tests, trusted certificates, keychain retry, preferences. */
export function connectionHandlers({ connections, settings, sync }: ConnectionHandlerDeps) {
  return {
    'connections:list': async () => connections.views(),
    'connections:save': async (input: ParsedRequestOf<'connections:save'>) => ({ connection: await connections.save(input) }),
    'connections:test': async ({ id }: ParsedRequestOf<'connections:test'>) => connections.test(id),
    'connections:remove': async ({ id, purgeCache }: ParsedRequestOf<'connections:remove'>) => connections.remove(id, purgeCache),
    'connections:trustCertificate': async ({ id, sha256 }: ParsedRequestOf<'connections:trustCertificate'>) => ({ connection: await connections.trustCertificate(id, sha256) }),
    'connections:retryKeychain': async () => {
      for (const id of await connections.unlock()) sync.start(id);
      return connections.views();
    },
    'preferences:get': async () => settings.preferences(),
    'preferences:set': async (patch: ParsedRequestOf<'preferences:set'>) => {
      const next = settings.setPreferences(patch);
      await connections.preferencesChanged();
      return next;
    },
  };
}
