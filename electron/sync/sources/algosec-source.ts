import type { AlgosecClient } from '../../vendors/algosec/client';
import type { SyncSource } from '../types';

/** AlgoSec: devices, then their group memberships (AFA has no list-all-groups call). */
export function algosecSource(connectionId: string, label: string, client: AlgosecClient): SyncSource {
  return {
    connectionId,
    vendor: 'algosec',
    label,
    async pull(run) {
      let pages = 0;
      const records = await client.listFleet({
        signal: run.signal,
        onProgress: ({ done, total }) => {
          pages += 1;
          run.progress({ items: done, pages, total });
        },
      });
      return { records };
    },
  };
}
