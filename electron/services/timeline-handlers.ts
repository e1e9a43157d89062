import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import { custodyIssues, custodyTimeline } from '../../shared/timeline/custody';
import type { FleetStore } from '../fleet/fleet-store';

/** Custody timelines per device, and the fleet's custody issues (computed once per fleet version). */
export function timelineHandlers(store: FleetStore) {
  let issuesFor = -1;
  let issueRows: ResultOf<'timeline:issues'>['rows'] = [];
  const fleetIssues = () => {
    if (issuesFor !== store.generation) {
      const now = Date.now();
      issueRows = [];
      for (const d of store.devices) {
        const issues = custodyIssues(d, now);
        if (issues.length) issueRows.push({ key: d.key, name: d.name, serial: d.serial, issues, detail: issues.join(', ') });
      }
      issuesFor = store.generation;
    }
    return issueRows;
  };
  return {
    'timeline:device': async ({ key }: ParsedRequestOf<'timeline:device'>) => {
      const d = store.device(key);
      if (!d) return null;
      return { key, name: d.name, serial: d.serial, ...custodyTimeline(d, (id) => (id ? (store.slice(id)?.asOf ?? null) : null), Date.now()) };
    },
    'timeline:issues': async ({ kinds }: ParsedRequestOf<'timeline:issues'>) => {
      const rows = kinds ? fleetIssues().filter((r) => r.issues.some((i) => kinds.includes(i))) : fleetIssues();
      return { rows: rows.slice(0, 1000), total: rows.length };
    },
  };
}
