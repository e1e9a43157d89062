import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { LaneView } from '../../../shared/ipc/channels/timeline';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Spinner } from '../../components/Spinner';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useSelection } from '../../state/selection-store';
import { holdersAt, toLocalInput } from './holders';
import { TimelineLanes } from './TimelineLanes';

type DeviceTimelineView = { key: string; name: string; serial: string | null; lanes: LaneView[]; explanations: string[] };

const FLAG_WORDS: Record<string, string> = {
  overlap: 'overlaps another owner',
  observed: 'times are when fleetdesk saw it',
  'made-by-fleetdesk': 'made by fleetdesk',
  'ended-by-fleetdesk': 'ended by fleetdesk',
  'before-first-sync': 'began before fleetdesk first looked',
};

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The answer to "who had it then", per source, with what the answer rests on. */
function AsOfAnswer({ lanes, at }: { lanes: LaneView[]; at: number }) {
  return (
    <div className="asof-answer" data-testid="as-of-answer" role="status">
      <div className="asof-when">
        On <strong>{new Date(at).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}</strong> <span className="muted">({TIME_ZONE})</span>
      </div>
      <dl>
        {holdersAt(lanes, at).map((h) => (
          <div key={h.laneId} className={h.who.length > 1 && h.laneId === 'insiders' ? 'asof-overlap' : undefined}>
            <dt>{h.lane}</dt>
            <dd>
              {h.who.length ? h.who.join(' and ') : 'nobody'}
              {h.note && <span className="muted"> — {h.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Plain list of every span, for reading and copying (the lanes' accessible twin). */
function SpanList({ lanes }: { lanes: LaneView[] }) {
  return (
    <table className="plain span-list" aria-label="Custody spans">
      <thead>
        <tr>
          <th>Source</th>
          <th>Who</th>
          <th>From</th>
          <th>To</th>
          <th>Notes</th>
        </tr>
      </thead>
      <tbody>
        {lanes.flatMap((l) =>
          l.segments.map((s, i) => (
            <tr key={`${l.id}-${i}`} className={s.flags.includes('overlap') ? 'row-overlap' : undefined}>
              <td>{l.label}</td>
              <td>{s.who}</td>
              <td>{new Date(s.start).toLocaleString()}</td>
              <td>{s.end ? new Date(s.end).toLocaleString() : <Badge tone="good">current</Badge>}</td>
              <td className="muted">{[s.note, ...s.flags.map((f) => FLAG_WORDS[f] ?? f)].filter(Boolean).join('; ')}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** One device's custody: lanes or list, overlaps and gaps explained, and "who had it on …". Reloads after every sync and apply. */
export function DeviceTimeline({ deviceKey }: { deviceKey: string }) {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const inBasket = useSelection((s) => s.keys.has(deviceKey));
  const [timeline, setTimeline] = useState<DeviceTimelineView | null | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [view, setView] = useState<'lanes' | 'list'>('lanes');
  const [asOf, setAsOf] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void api['timeline:device']({ key: deviceKey, timeZone: TIME_ZONE }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setTimeline(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [deviceKey, fleetVersion]);

  if (error) return <ErrorBanner error={error} />;
  if (timeline === undefined) return <Spinner label="Reading the timeline…" />;
  if (timeline === null) return <EmptyState title="Device not in the fleet">It is no longer listed by any vendor (the last sync removed it).</EmptyState>;
  return (
    <div className="panel-body device-timeline">
      <div className="toolbar">
        <h2 className="grow">
          {timeline.name} <span className="mono muted">{timeline.serial}</span>
        </h2>
        <button className="btn btn-small" disabled={inBasket} onClick={() => useSelection.getState().add([deviceKey])}>
          {inBasket ? 'In the basket' : 'Add to basket'}
        </button>
        <div className="tabs" role="tablist" aria-label="View">
          <button role="tab" aria-selected={view === 'lanes'} className={`tab ${view === 'lanes' ? 'active' : ''}`} onClick={() => setView('lanes')}>
            Timeline
          </button>
          <button role="tab" aria-selected={view === 'list'} className={`tab ${view === 'list' ? 'active' : ''}`} onClick={() => setView('list')}>
            List
          </button>
        </div>
      </div>
      <form className="toolbar asof-form" onSubmit={(e) => e.preventDefault()}>
        <label className="field inline">
          Who had it on
          <input type="datetime-local" value={asOf === null ? '' : toLocalInput(asOf)} onChange={(e) => setAsOf(e.target.value ? new Date(e.target.value).getTime() : null)} aria-label="As of date and time" />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setAsOf(Date.now())}>
          Now
        </button>
        {asOf !== null && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsOf(null)}>
            Clear
          </button>
        )}
        <span className="muted">Times are shown in your time zone ({TIME_ZONE}).</span>
      </form>
      {asOf !== null && <AsOfAnswer lanes={timeline.lanes} at={asOf} />}
      {timeline.explanations.map((e) => (
        <div key={e} className={`banner ${e.startsWith('Overlap') ? 'banner-error' : 'banner-warn'}`} data-testid="custody-explanation">
          <span className="banner-text">{e}</span>
        </div>
      ))}
      {timeline.lanes.length === 0 ? (
        <EmptyState title="No custody recorded">No vendor reports an owner, customer or user for this device yet.</EmptyState>
      ) : view === 'lanes' ? (
        <TimelineLanes key={timeline.key} lanes={timeline.lanes} asOf={asOf} onPick={setAsOf} />
      ) : (
        <SpanList lanes={timeline.lanes} />
      )}
      <ul className="lane-sources muted">
        {timeline.lanes.map((l) => (
          <li key={l.id}>
            <strong>{l.label}:</strong> {l.source}
          </li>
        ))}
      </ul>
    </div>
  );
}
