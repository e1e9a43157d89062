import { useEffect, useRef, useState, type WheelEvent } from 'react';
import type { LaneView as Lane } from '../../../shared/ipc/channels/timeline';
import { overlapRanges, rowsByHolder, stackRows } from './holders';
import { ticks, xOf, zoom, type TimeScale } from './time-scale';

const ROW_H = 26;
const LANE_PAD = 8;
const LABEL_W = 170;
const AXIS_H = 24;
const DAY = 86_400_000;

function fit(lanes: Lane[], width: number, now: number): TimeScale {
  const starts = lanes.flatMap((l) => l.segments.map((s) => Date.parse(s.start))).filter((t) => !Number.isNaN(t));
  const from = starts.length ? Math.min(...starts) : now - 90 * DAY;
  const pad = Math.max((now - from) * 0.06, DAY);
  return { from: from - pad, to: now + pad, width };
}

const lastDays = (days: number, width: number, now: number): TimeScale => ({ from: now - days * DAY, to: now + days * DAY * 0.06, width });

/** Rough text width at 11 px, to decide whether a label fits inside its bar. */
const textWidth = (s: string) => s.length * 6.2;

/**
 * Custody lanes on a zoomable time axis: one lane per source, overlapping
 * spans on separate rows with the overlap shaded, today marked, observed
 * (fleetdesk-seen) times drawn differently. Wheel or the buttons zoom; a
 * click anywhere on the chart asks "who had it then".
 */
export function TimelineLanes({ lanes, asOf, onPick }: { lanes: Lane[]; asOf: number | null; onPick: (t: number) => void }) {
  const now = Date.now();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(880);
  const [scale, setScale] = useState(() => fit(lanes, width - LABEL_W, now));
  // The axis fills the panel, and follows it when the window is resized.
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.max(480, Math.floor(entry!.contentRect.width));
      setWidth(w);
      setScale((s) => ({ ...s, width: w - LABEL_W }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const timeAt = (clientX: number) => {
    const r = svgRef.current?.getBoundingClientRect();
    const x = clientX - (r?.left ?? 0) - LABEL_W;
    return scale.from + (x / scale.width) * (scale.to - scale.from);
  };
  const onWheel = (e: WheelEvent) => setScale((s) => zoom(s, e.deltaY > 0 ? 1.25 : 0.8, timeAt(e.clientX)));
  const clampX = (t: number) => Math.max(0, Math.min(scale.width, xOf(scale, t)));

  // Vendor spans stack by time (an overlap shows as two rows); observed lanes get a row per customer or user, so short recent spans never cover each other's labels.
  const layout = lanes.map((lane) => ({
    ...(lane.segments.every((s) => s.flags.includes('observed')) ? rowsByHolder(lane.segments) : stackRows(lane.segments, now)),
    overlaps: overlapRanges(lane.segments, now),
  }));
  const tops: number[] = [];
  let y = AXIS_H;
  for (const l of layout) {
    tops.push(y);
    // Room under the bars for the "overlap" label.
    y += l.rows * ROW_H + LANE_PAD + (l.overlaps.length ? 12 : 0);
  }
  const height = y + 14;

  return (
    <div className="timeline" ref={boxRef}>
      <div className="toolbar">
        <button className="btn btn-small" onClick={() => setScale((s) => zoom(s, 0.5))} aria-label="Zoom in">
          +
        </button>
        <button className="btn btn-small" onClick={() => setScale((s) => zoom(s, 2))} aria-label="Zoom out">
          −
        </button>
        <button className="btn btn-small" onClick={() => setScale(fit(lanes, width - LABEL_W, Date.now()))}>
          Fit
        </button>
        <button className="btn btn-small" onClick={() => setScale(lastDays(365, width - LABEL_W, Date.now()))}>
          1 year
        </button>
        <button className="btn btn-small" onClick={() => setScale(lastDays(90, width - LABEL_W, Date.now()))}>
          90 days
        </button>
        <span className="muted">Scroll to zoom · click the chart to see who held the device then</span>
      </div>
      <svg ref={svgRef} width={width} height={height} role="img" aria-label="Custody timeline" onWheel={onWheel} onClick={(e) => {
          const t = timeAt(e.clientX);
          if (t >= scale.from) onPick(t);
        }} className="timeline-svg">
        <g transform={`translate(${LABEL_W},0)`}>
          {ticks(scale).map((tk) => (
            <g key={tk.t} transform={`translate(${xOf(scale, tk.t)},0)`}>
              <line y1={AXIS_H - 4} y2={height} className="tick-line" />
              <text y={AXIS_H - 8} className="tick-label" textAnchor="middle">
                {tk.label}
              </text>
            </g>
          ))}
        </g>
        {lanes.map((lane, i) => {
          const top = tops[i]!;
          const { rows, rowOf, overlaps } = layout[i]!;
          const laneH = rows * ROW_H;
          const observed = lane.segments.some((s) => s.flags.includes('observed'));
          return (
            <g key={lane.id} transform={`translate(0,${top})`}>
              {i > 0 && <line x1={0} x2={width} y1={-LANE_PAD / 2} y2={-LANE_PAD / 2} className="lane-divider" />}
              <text x={8} y={laneH / 2 + (observed ? -1 : 4)} className="lane-label">
                {lane.label}
              </text>
              {observed && (
                <text x={8} y={laneH / 2 + 12} className="lane-sublabel">
                  times as fleetdesk saw them
                </text>
              )}
              <g transform={`translate(${LABEL_W},0)`}>
                {overlaps.map((o, k) => {
                  const x1 = clampX(o.from);
                  const x2 = clampX(o.to);
                  return (
                    <g key={`o${k}`} className="overlap-band">
                      <rect x={x1} y={-2} width={Math.max(3, x2 - x1)} height={laneH + 14} />
                      <text x={x2 - 3} y={laneH + 9} textAnchor="end" className="overlap-label">
                        overlap
                      </text>
                    </g>
                  );
                })}
                {lane.segments.map((s, k) => {
                  const x1 = clampX(Date.parse(s.start));
                  const x2 = clampX(s.end ? Date.parse(s.end) : now);
                  const w = Math.max(3, x2 - x1);
                  const sy = rowOf[k]! * ROW_H + 4;
                  const cls = ['segment', ...s.flags.map((f) => `seg-${f}`), s.end ? '' : 'seg-open'].join(' ');
                  const label = `${s.who}${s.flags.includes('made-by-fleetdesk') ? ' · by fleetdesk' : ''}`;
                  const inside = w > textWidth(label) + 10;
                  // A span that began before fleetdesk first looked trails a dotted line to the left: keep its label clear of it.
                  const outsideX = x1 - (s.flags.includes('before-first-sync') ? 33 : 5);
                  return (
                    <g key={k}>
                      {s.flags.includes('before-first-sync') && x1 > 0 && <line x1={Math.max(0, x1 - 28)} x2={x1} y1={sy + (ROW_H - 8) / 2} y2={sy + (ROW_H - 8) / 2} className="seg-earlier" />}
                      <rect x={x1} y={sy} width={w} height={ROW_H - 8} rx={3} className={cls}>
                        <title>{`${s.who}: ${new Date(s.start).toLocaleString()} – ${s.end ? new Date(s.end).toLocaleString() : 'current'}${s.note ? `\n${s.note}` : ''}`}</title>
                      </rect>
                      {(inside || outsideX > textWidth(label)) && (
                        <text x={inside ? x1 + 6 : outsideX} y={sy + ROW_H / 2} textAnchor={inside ? 'start' : 'end'} className="segment-label">
                          {label}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_W},0)`} pointerEvents="none">
          <line x1={xOf(scale, now)} x2={xOf(scale, now)} y1={AXIS_H - 4} y2={height - 12} className="today-line" />
          <text x={xOf(scale, now)} y={height - 2} textAnchor="middle" className="today-label">
            today
          </text>
          {asOf !== null && <line x1={xOf(scale, asOf)} x2={xOf(scale, asOf)} y1={0} y2={height} className="asof-line" />}
        </g>
      </svg>
    </div>
  );
}
