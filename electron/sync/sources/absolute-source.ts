import type { AbsoluteDevice } from '../../../shared/model';
import type { AbsoluteClient } from '../../vendors/absolute/client';
import type { SyncSource } from '../types';

const PAGE = 1000;

/** Absolute: `$top/$skip` pages; a failure resumes at the first page not yet received. */
export function absoluteSource(connectionId: string, label: string, client: AbsoluteClient): SyncSource {
  return {
    connectionId,
    vendor: 'absolute',
    label,
    async pull(run, resumeFrom) {
      const records: AbsoluteDevice[] = resumeFrom ? [...(resumeFrom.records as AbsoluteDevice[])] : [];
      const startSkip = resumeFrom ? (resumeFrom.cursor as number) : 0;
      let pages = Math.ceil(startSkip / PAGE);
      await client.listDevices({
        pageSize: PAGE,
        startSkip,
        signal: run.signal,
        onPage: (page, info) => {
          records.push(...page);
          pages += 1;
          run.checkpoint({ records, cursor: info.skip + page.length });
          run.progress({ items: records.length, pages, total: null });
        },
      });
      return { records };
    },
  };
}
