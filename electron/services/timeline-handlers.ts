import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import type { FleetDevice } from '../../shared/model';
import { custodyIssues, custodyTimeline, type ObservedCustody } from '../../shared/timeline/custody';
import type { Connections } from '../connections/connections';
import type { CustodyHistory } from '../custody/custody-history';
import type { FleetStore } from '../fleet/fleet-store';
import { telemetronIdentifier } from '../ownership/device-refs';

/** A time zone Intl understands, or undefined (the host's). */
function zone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** Custody timelines per device (vendor spans and fleetdesk's own history), and the fleet's custody issues (computed once per fleet version). */
export function timelineHandlers(deps: { store: FleetStore; history: CustodyHistory; connections: Connections }) {
  const { store, history, connections } = deps;
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

  /** What fleetdesk observed for a device: Telemetron by identifier (also once no customer lists it any more), Absolute by device id. */
  const observed = (d: FleetDevice): ObservedCustody => {
    const identifier = telemetronIdentifier(d);
    const telemetronIds = d.telemetron?.connectionId ? [d.telemetron.connectionId] : connections.list().filter((c) => c.vendor === 'telemetron').map((c) => c.id);
    return {
      telemetron: identifier ? telemetronIds.flatMap((id) => history.spans(id, identifier)) : [],
      absolute: d.absolute?.connectionId ? history.spans(d.absolute.connectionId, d.absolute.deviceUid) : [],
      telemetronAsOf: d.telemetron?.connectionId ? (store.slice(d.telemetron.connectionId)?.asOf ?? null) : null,
      absoluteAsOf: d.absolute?.connectionId ? (store.slice(d.absolute.connectionId)?.asOf ?? null) : null,
    };
  };

  return {
    'timeline:device': async ({ key, timeZone }: ParsedRequestOf<'timeline:device'>) => {
      const d = store.device(key);
      if (!d) return null;
      const timeline = custodyTimeline(d, observed(d), Date.now(), zone(timeZone));
      const problems = [d.telemetron?.connectionId, d.absolute?.connectionId].flatMap((id) => (id && history.problems.get(id)) || []);
      return { key, name: d.name, serial: d.serial, lanes: timeline.lanes, explanations: [...timeline.explanations, ...problems] };
    },
    'timeline:issues': async ({ kinds }: ParsedRequestOf<'timeline:issues'>) => {
      const all = fleetIssues();
      const rows = kinds ? all.filter((r) => r.issues.some((i) => kinds.includes(i))) : all;
      const counts = { overlap: 0, gap: 0, 'no-current-owner': 0, 'vendor-mismatch': 0 };
      for (const r of all) for (const i of r.issues) counts[i] += 1;
      return { rows: rows.slice(0, 1000), total: rows.length, counts };
    },
  };
}
