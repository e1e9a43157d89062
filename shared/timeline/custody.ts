import type { LaneView as Lane } from '../ipc/channels/timeline';
import type { FleetDevice } from '../model';
import { formatDay, gaps, overlaps, toInterval } from './spans';

export type CustodyIssue = 'overlap' | 'gap' | 'no-current-owner' | 'vendor-mismatch';

const iso = (t: number) => new Date(t).toISOString();

/**
 * One device's custody as lanes: Insiders ownership spans (vendor times),
 * Telemetron customers and the Absolute user (no vendor times: shown from when
 * fleetdesk's data saw them), with overlaps and gaps explained in words.
 */
export function custodyTimeline(d: FleetDevice, seenAt: (connectionId: string | undefined) => string | null, now: number, timeZone?: string): { lanes: Lane[]; explanations: string[] } {
  const lanes: Lane[] = [];
  const explanations: string[] = [];
  if (d.insiders) {
    const spans = d.insiders.ownerships.map(toInterval);
    const over = overlaps(spans);
    const overlapping = new Set(over.flatMap((o) => [o.a, o.b]));
    lanes.push({
      id: 'insiders',
      label: 'Insiders owner',
      source: 'start and end times from Insiders',
      segments: spans.map((s) => ({ start: iso(s.start), end: s.end === Infinity ? null : iso(s.end), who: s.who, flags: overlapping.has(s) ? ['overlap'] : [] })),
    });
    for (const o of over) explanations.push(`${cap(o.a.who)} and ${o.b.who} both held this device from ${formatDay(o.from, timeZone)} to ${o.to === Infinity ? 'now' : formatDay(o.to, timeZone)}.`);
    for (const g of gaps(spans, now)) explanations.push(`Nobody owned this device at Insiders from ${formatDay(g.from, timeZone)} to ${formatDay(g.to, timeZone)}.`);
    if (spans.length && !spans.some((s) => s.end === Infinity)) explanations.push('No current owner at Insiders: every ownership span has ended.');
  }
  const observed = (who: string, connectionId: string | undefined, label: string, id: string, source: string) => {
    const at = seenAt(connectionId);
    if (!at) return;
    const lane = lanes.find((l) => l.id === id) ?? (lanes.push({ id, label, source, segments: [] }), lanes[lanes.length - 1]!);
    lane.segments.push({ start: at, end: null, who, flags: ['observed'], note: 'time is when fleetdesk saw it, not a vendor timestamp' });
  };
  for (const c of d.telemetron?.customers ?? []) observed(c, d.telemetron?.connectionId, 'Telemetron customer', 'telemetron', 'Telemetron keeps no times: shown from when fleetdesk saw the assignment');
  if (d.absolute?.username) observed(d.absolute.username, d.absolute.connectionId, 'Absolute user', 'absolute', 'last logged-in user, as of the last Absolute sync');
  return { lanes, explanations };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Custody problems of one device (empty when none). */
export function custodyIssues(d: FleetDevice, now: number): CustodyIssue[] {
  const out: CustodyIssue[] = [];
  const spans = d.insiders?.ownerships.map(toInterval) ?? [];
  if (overlaps(spans).length) out.push('overlap');
  if (gaps(spans, now).length) out.push('gap');
  const currentInsiders = spans.some((s) => s.end === Infinity);
  if (d.insiders && !currentInsiders) out.push('no-current-owner');
  const hasCustomer = (d.telemetron?.customers.length ?? 0) > 0;
  if (d.insiders && d.telemetron && currentInsiders !== hasCustomer) out.push('vendor-mismatch');
  return out;
}
