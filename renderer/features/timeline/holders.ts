import type { LaneView } from '../../../shared/ipc/channels/timeline';

export interface HoldersAt {
  lane: string;
  laneId: string;
  who: string[];
  /** What the answer rests on: an overlap, fleetdesk's own observation, or nothing known that early. */
  note: string | null;
}

/** Who held the device at instant `t`, per lane: start inclusive, end exclusive, open end = current. */
export function holdersAt(lanes: readonly LaneView[], t: number): HoldersAt[] {
  return lanes.map((l) => {
    const who = l.segments.filter((s) => Date.parse(s.start) <= t && (s.end === null || t < Date.parse(s.end))).map((s) => s.who);
    const observed = l.segments.some((s) => s.flags.includes('observed'));
    const earliest = Math.min(...l.segments.map((s) => Date.parse(s.start)));
    let note: string | null = null;
    if (who.length > 1 && l.id === 'insiders') note = 'overlap: two owners at once';
    else if (observed && who.length) note = 'as fleetdesk saw it';
    else if (observed && t < earliest) note = 'not known: before fleetdesk first looked';
    return { lane: l.label, laneId: l.id, who, note };
  });
}

/** `<input type="datetime-local">` value for an instant, in local time. */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Segments of one lane spread over rows so none hides another: each goes in the first row free at its start. */
export function stackRows<S extends { start: string; end: string | null }>(segments: readonly S[], now: number): { rows: number; rowOf: number[] } {
  const ends: number[] = [];
  const rowOf = new Array<number>(segments.length).fill(0);
  const order = segments.map((_, i) => i).sort((a, b) => Date.parse(segments[a]!.start) - Date.parse(segments[b]!.start));
  for (const i of order) {
    const s = segments[i]!;
    const start = Date.parse(s.start);
    const end = s.end === null ? Math.max(now, start) : Date.parse(s.end);
    let row = ends.findIndex((e) => e <= start);
    if (row < 0) row = ends.push(end) - 1;
    else ends[row] = end;
    rowOf[i] = row;
  }
  return { rows: Math.max(1, ends.length), rowOf };
}

/** One row per holder, in order of first appearance: for observed lanes, where a holder's spans follow one another. */
export function rowsByHolder(segments: ReadonlyArray<{ who: string }>): { rows: number; rowOf: number[] } {
  const order: string[] = [];
  const rowOf = segments.map((s) => {
    let i = order.indexOf(s.who);
    if (i < 0) i = order.push(s.who) - 1;
    return i;
  });
  return { rows: Math.max(1, order.length), rowOf };
}

/** Where two or more segments of a lane overlap in time. */
export function overlapRanges(segments: ReadonlyArray<{ start: string; end: string | null; flags: string[] }>, now: number): Array<{ from: number; to: number }> {
  const spans = segments.filter((s) => s.flags.includes('overlap')).map((s) => ({ from: Date.parse(s.start), to: s.end === null ? now : Date.parse(s.end) }));
  const out: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const from = Math.max(spans[i]!.from, spans[j]!.from);
      const to = Math.min(spans[i]!.to, spans[j]!.to);
      if (from < to) out.push({ from, to });
    }
  }
  return out;
}
