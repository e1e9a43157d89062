import type { LaneView as Lane } from '../ipc/channels/timeline';
import type { FleetDevice } from '../model';
import { formatDay, formatMoment, gaps, overlaps, toInterval } from './spans';

export type CustodyIssue = 'overlap' | 'gap' | 'no-current-owner' | 'vendor-mismatch';

/**
 * A span fleetdesk observed (Telemetron customer, Absolute user): the vendor
 * keeps no times, so start and end are when fleetdesk saw or made the change.
 */
export interface ObservedSpan {
  who: string;
  start: string;
  end: string | null;
  startBy: 'sync' | 'fleetdesk';
  endBy: 'sync' | 'fleetdesk' | null;
  /** Already in place at fleetdesk's first sync: it began at some earlier, unknown time. */
  before: boolean;
}

/** What fleetdesk observed for one device, per source, and when each source last synced (for pairs the history does not know yet). */
export interface ObservedCustody {
  telemetron: ObservedSpan[];
  absolute: ObservedSpan[];
  telemetronAsOf: string | null;
  absoluteAsOf: string | null;
}

const iso = (t: number) => new Date(t).toISOString();
const DAY = 86_400_000;

function observedNote(s: ObservedSpan, made: string, ended: string, timeZone?: string): string {
  const at = (t: string) => formatMoment(Date.parse(t), timeZone);
  const start = s.before ? `already in place at fleetdesk's first sync (${at(s.start)}); it began earlier` : s.startBy === 'fleetdesk' ? `${made} on ${at(s.start)}` : `first seen at the sync of ${at(s.start)}`;
  const end = s.end === null ? '' : s.endBy === 'fleetdesk' ? `; ${ended} on ${at(s.end)}` : `; seen gone at the sync of ${at(s.end)}`;
  return `${start}${end}`;
}

function observedLane(id: string, label: string, source: string, spans: readonly ObservedSpan[], current: readonly string[], asOf: string | null, words: { made: string; ended: string }, timeZone?: string): Lane | null {
  const segments: Lane['segments'] = spans.map((s) => ({
    start: s.start,
    end: s.end,
    who: s.who,
    note: observedNote(s, words.made, words.ended, timeZone),
    flags: ['observed', ...(s.startBy === 'fleetdesk' ? ['made-by-fleetdesk'] : []), ...(s.endBy === 'fleetdesk' ? ['ended-by-fleetdesk'] : []), ...(s.before ? ['before-first-sync'] : [])],
  }));
  // A pair the cache shows but the history does not know at all (history started after this cache): from the cache's sync.
  for (const who of current) {
    if (!asOf || spans.some((s) => s.who === who)) continue;
    segments.push({ start: asOf, end: null, who, note: `seen at the sync of ${formatMoment(Date.parse(asOf), timeZone)}`, flags: ['observed'] });
  }
  return segments.length ? { id, label, source, segments } : null;
}

/**
 * One device's custody as lanes: Insiders ownership spans (vendor times),
 * Telemetron customers and the Absolute user (no vendor times: from when
 * fleetdesk saw or made each change), with overlaps and gaps explained in words.
 */
export function custodyTimeline(d: FleetDevice, observed: ObservedCustody, now: number, timeZone?: string): { lanes: Lane[]; explanations: string[] } {
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
      segments: spans.map((s, i) => ({ start: iso(s.start), end: s.end === Infinity ? null : iso(s.end), who: s.who, note: `ownership ${d.insiders!.ownerships[i]!.id}`, flags: overlapping.has(s) ? ['overlap'] : [] })),
    });
    for (const o of over) explanations.push(`Overlap: ${o.a.who} and ${o.b.who} both held this device at Insiders from ${formatDay(o.from, timeZone)} to ${o.to === Infinity ? 'now' : formatDay(o.to, timeZone)}. Release one of the spans (the account's own) to end it.`);
    for (const g of gaps(spans, now)) explanations.push(`Gap: nobody owned this device at Insiders for ${Math.round((g.to - g.from) / DAY)} days, from ${formatDay(g.from, timeZone)} to ${formatDay(g.to, timeZone)}.`);
    if (spans.length && !spans.some((s) => s.end === Infinity)) explanations.push(`No current owner at Insiders: the last span ended on ${formatDay(Math.max(...spans.map((s) => s.end)), timeZone)}.`);
  }
  const telemetron = observedLane('telemetron', 'Telemetron customer', 'Telemetron keeps no times: from when fleetdesk first saw or made each assignment to when it saw it end', observed.telemetron, d.telemetron?.customers ?? [], observed.telemetronAsOf, { made: 'assigned by fleetdesk', ended: 'unassigned by fleetdesk' }, timeZone);
  if (telemetron) lanes.push(telemetron);
  const absolute = observedLane('absolute', 'Absolute user', 'last logged-in user at each Absolute sync: from the sync that first showed them', observed.absolute, d.absolute?.username ? [d.absolute.username] : [], observed.absoluteAsOf, { made: 'set by fleetdesk', ended: 'changed by fleetdesk' }, timeZone);
  if (absolute) lanes.push(absolute);
  return { lanes, explanations };
}

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
