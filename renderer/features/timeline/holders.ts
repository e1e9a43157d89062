import type { LaneView } from '../../../shared/ipc/channels/timeline';

/** Who held the device at instant `t`, per lane: start inclusive, end exclusive, open end = current. */
export function holdersAt(lanes: readonly LaneView[], t: number): Array<{ lane: string; who: string[] }> {
  return lanes.map((l) => ({
    lane: l.label,
    who: l.segments.filter((s) => Date.parse(s.start) <= t && (s.end === null || t < Date.parse(s.end))).map((s) => s.who),
  }));
}

/** `<input type="datetime-local">` value for an instant, in local time. */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
