import type { InsidersClient } from '../../vendors/insiders/client';
import type { SyncSource } from '../types';

/** Insiders: devices and ownership spans (both paginated lists). */
export function insidersSource(connectionId: string, label: string, client: InsidersClient): SyncSource {
  return {
    connectionId,
    vendor: 'insiders',
    label,
    async pull(run) {
      let pages = 0;
      const { devices: records, managerId } = await client.listFleetAndAccount({
        signal: run.signal,
        onProgress: (info) => {
          pages += 1;
          run.progress({ items: info.received, pages, total: info.total });
        },
      });
      // Which manager this account is: ownership changes need to tell its spans from other managers'.
      return { records, meta: { managerId } };
    },
  };
}
