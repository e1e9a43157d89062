import { useEffect, useRef, useState, type WheelEvent } from 'react';
import type { LaneView as Lane } from '../../../shared/ipc/channels/timeline';
import { ticks, xOf, zoom, type TimeScale } from './time-scale';

const LANE_H = 34;
const LABEL_W = 150;
const AXIS_H = 24;

function initialScale(lanes: Lane[], width: number, now: number): TimeScale {
  const starts = lanes.flatMap((l) => l.segments.map((s) => Date.parse(s.start))).filter((t) => !Number.isNaN(t));
  const from = starts.length ? Math.min(...starts) : now - 90 * 86_400_000;
  const pad = Math.max((now - from) * 0.08, 86_400_000);
  return { from: from - pad, to: now + pad, width };
}

/**
 * Custody lanes on a zoomable time axis: one lane per source, today marked,
 * overlaps and observed-only times drawn differently. Wheel or the buttons zoom.
 */
export function TimelineLanes({ lanes, asOf, onPick }: { lanes: Lane[]; asOf: number | null; onPick: (t: number) => void }) {
  const now = Date.now();
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(880);
  const [scale, setScale] = useState(() => initialScale(lanes, width - LABEL_W, now));
  const svgRef = useRef<SVGSVGElement>(null);
  // The axis fills the panel, and follows it when the window is resized.
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.max(400, Math.floor(entry!.contentRect.width));
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
  const height = AXIS_H + lanes.length * LANE_H + 8;
  const clampX = (t: number) => Math.max(0, Math.min(scale.width, xOf(scale, t)));

  return (
    <div className="timeline" ref={boxRef}>
      <div className="toolbar">
        <button className="btn btn-small" onClick={() => setScale((s) => zoom(s, 0.5))} aria-label="Zoom in">
          +
        </button>
        <button className="btn btn-small" onClick={() => setScale((s) => zoom(s, 2))} aria-label="Zoom out">
          −
        </button>
        <button className="btn btn-small" onClick={() => setScale(initialScale(lanes, width - LABEL_W, Date.now()))}>
          Fit
        </button>
        <span className="muted">Scroll to zoom · click the axis to see who held the device then</span>
      </div>
      <svg ref={svgRef} width={width} height={height} role="img" aria-label="Custody timeline" onWheel={onWheel} className="timeline-svg">
        <g transform={`translate(${LABEL_W},0)`}>
          {ticks(scale).map((tk) => (
            <g key={tk.t} transform={`translate(${xOf(scale, tk.t)},0)`}>
              <line y1={AXIS_H - 4} y2={height} className="tick-line" />
              <text y={AXIS_H - 8} className="tick-label" textAnchor="middle">
                {tk.label}
              </text>
            </g>
          ))}
          <rect x={0} y={0} width={scale.width} height={AXIS_H} fill="transparent" style={{ cursor: 'crosshair' }} onClick={(e) => onPick(timeAt(e.clientX))} />
        </g>
        {lanes.map((lane, i) => {
          const y = AXIS_H + i * LANE_H;
          return (
            <g key={lane.id} transform={`translate(0,${y})`}>
              <text x={8} y={LANE_H / 2 + 4} className="lane-label">
                {lane.label}
              </text>
              <g transform={`translate(${LABEL_W},0)`}>
                {lane.segments.map((s, k) => {
                  const x1 = clampX(Date.parse(s.start));
                  const x2 = clampX(s.end ? Date.parse(s.end) : now);
                  const cls = ['segment', ...s.flags.map((f) => `seg-${f}`), s.end ? '' : 'seg-open'].join(' ');
                  return (
                    <g key={k}>
                      <rect x={x1} y={6 + (s.flags.includes('overlap') ? (k % 2) * 6 : 0)} width={Math.max(2, x2 - x1)} height={LANE_H - 14} rx={3} className={cls}>
                        <title>{`${s.who}: ${new Date(s.start).toLocaleString()} – ${s.end ? new Date(s.end).toLocaleString() : 'current'}${s.note ? `\n${s.note}` : ''}`}</title>
                      </rect>
                      {x2 - x1 > 60 && (
                        <text x={x1 + 6} y={LANE_H / 2 + 4} className="segment-label">
                          {s.who}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_W},0)`}>
          <line x1={xOf(scale, now)} x2={xOf(scale, now)} y1={AXIS_H - 4} y2={height} className="today-line" />
          <text x={xOf(scale, now) + 3} y={height - 2} className="today-label">
            today
          </text>
          {asOf !== null && <line x1={xOf(scale, asOf)} x2={xOf(scale, asOf)} y1={0} y2={height} className="asof-line" />}
        </g>
      </svg>
    </div>
  );
}
