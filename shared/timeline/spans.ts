import type { OwnershipSpan } from '../model';

/** A span as numbers: start inclusive, end exclusive, Infinity = still current. */
export interface Interval {
  start: number;
  end: number;
  who: string;
}

export const toInterval = (s: OwnershipSpan): Interval => ({ start: Date.parse(s.startTime), end: s.endTime === null ? Infinity : Date.parse(s.endTime), who: `manager ${s.manager}` });

/** Who held it at instant t (start inclusive, end exclusive). */
export const holdersAt = (spans: readonly Interval[], t: number) => spans.filter((s) => s.start <= t && t < s.end).map((s) => s.who);

/** Pairs of spans held at the same time by different holders, with when they overlap. */
export function overlaps(spans: readonly Interval[]): Array<{ a: Interval; b: Interval; from: number; to: number }> {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: Array<{ a: Interval; b: Interval; from: number; to: number }> = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      out.push({ a, b, from: b.start, to: Math.min(a.end, b.end) });
    }
  }
  return out;
}

/** Periods between the first start and now when nobody held the device. */
export function gaps(spans: readonly Interval[], now: number): Array<{ from: number; to: number }> {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: Array<{ from: number; to: number }> = [];
  let covered = sorted[0]?.start ?? now;
  for (const s of sorted) {
    if (s.start > covered) out.push({ from: covered, to: s.start });
    covered = Math.max(covered, s.end);
  }
  return out;
}

/** Dates shown in a given time zone (stored UTC, shown local). */
export function formatDay(t: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(t));
}

/** A moment shown in a given time zone, to the minute: "3 Mar 2026, 14:05". */
export function formatMoment(t: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(t));
}
