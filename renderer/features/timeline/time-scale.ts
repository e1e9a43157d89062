/** Maps instants to x positions on the timeline and picks readable tick marks for the visible range. */
export interface TimeScale {
  from: number;
  to: number;
  width: number;
}

export const xOf = (s: TimeScale, t: number) => ((t - s.from) / (s.to - s.from)) * s.width;

const DAY = 86_400_000;
const STEPS: Array<{ ms: number; format: Intl.DateTimeFormatOptions }> = [
  { ms: DAY, format: { day: 'numeric', month: 'short' } },
  { ms: 7 * DAY, format: { day: 'numeric', month: 'short' } },
  { ms: 30 * DAY, format: { month: 'short', year: '2-digit' } },
  { ms: 91 * DAY, format: { month: 'short', year: 'numeric' } },
  { ms: 365 * DAY, format: { year: 'numeric' } },
];

/** About one tick per 90 px, aligned to local midnight / month starts so labels read naturally. */
export function ticks(s: TimeScale, timeZone?: string): Array<{ t: number; label: string }> {
  const span = s.to - s.from;
  const want = Math.max(2, Math.floor(s.width / 90));
  const step = STEPS.find((st) => span / st.ms <= want) ?? STEPS[STEPS.length - 1]!;
  const fmt = new Intl.DateTimeFormat(undefined, { ...step.format, timeZone });
  const out: Array<{ t: number; label: string }> = [];
  const start = new Date(s.from);
  start.setHours(0, 0, 0, 0);
  if (step.ms >= 30 * DAY) start.setDate(1);
  if (step.ms >= 365 * DAY) start.setMonth(0);
  for (let d = start; d.getTime() <= s.to; ) {
    if (d.getTime() >= s.from) out.push({ t: d.getTime(), label: fmt.format(d) });
    const next = new Date(d);
    if (step.ms >= 365 * DAY) next.setFullYear(next.getFullYear() + 1);
    else if (step.ms >= 91 * DAY) next.setMonth(next.getMonth() + 3);
    else if (step.ms >= 30 * DAY) next.setMonth(next.getMonth() + 1);
    else next.setDate(next.getDate() + Math.round(step.ms / DAY));
    d = next;
  }
  return out;
}

/** Zooms around an anchor instant (the mouse position or the centre); factor < 1 zooms in. */
export function zoom(s: TimeScale, factor: number, anchor = (s.from + s.to) / 2): TimeScale {
  const span = Math.min(Math.max((s.to - s.from) * factor, 6 * 3_600_000), 30 * 365 * DAY);
  const ratio = (anchor - s.from) / (s.to - s.from);
  return { ...s, from: anchor - span * ratio, to: anchor + span * (1 - ratio) };
}
