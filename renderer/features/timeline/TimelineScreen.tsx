import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { CustodyIssueRowSchema, LaneView } from '../../../shared/ipc/channels/timeline';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { startDraftStore } from '../../state/draft-store';
import { useSelection } from '../../state/selection-store';
import { PendingChangesBar } from '../review/PendingChangesBar';
import { holdersAt, toLocalInput } from './holders';
import { OwnershipActions } from './OwnershipActions';
import { TimelineLanes } from './TimelineLanes';

type IssueRow = z.infer<typeof CustodyIssueRowSchema>;
type DeviceTimeline = { key: string; name: string; serial: string | null; lanes: LaneView[]; explanations: string[] };
const ISSUE_WORDS = { overlap: 'overlap', gap: 'gap', 'no-current-owner': 'no current owner', 'vendor-mismatch': 'owner at one vendor only' } as const;

function DeviceList({ title, rows, current, onPick }: { title: string; rows: Array<{ key: string; name: string; serial: string | null; issues?: IssueRow['issues'] }>; current: string | null; onPick: (k: string) => void }) {
  return (
    <ul className="device-pick-list" aria-label={title}>
      {rows.map((r) => (
        <li key={r.key}>
          <button className={`pick ${r.key === current ? 'active' : ''}`} onClick={() => onPick(r.key)}>
            <span>{r.name}</span>
            <span className="mono muted">{r.serial}</span>
            {r.issues?.map((i) => (
              <Badge key={i} tone={i === 'overlap' ? 'bad' : 'warn'}>
                {ISSUE_WORDS[i]}
              </Badge>
            ))}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Custody timelines: who owned or was assigned a device when, fleet-wide custody problems, and ownership actions. */
export function TimelineScreen() {
  const basket = useSelection((s) => s.keys);
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [tab, setTab] = useState<'basket' | 'issues'>(basket.size ? 'basket' : 'issues');
  const [basketRows, setBasketRows] = useState<Array<{ key: string; name: string; serial: string | null }>>([]);
  const [issues, setIssues] = useState<{ rows: IssueRow[]; total: number } | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [timeline, setTimeline] = useState<DeviceTimeline | null>(null);
  const [view, setView] = useState<'lanes' | 'list'>('lanes');
  const [asOf, setAsOf] = useState<number | null>(null);

  useEffect(() => startDraftStore(), []);
  useEffect(() => {
    void api['fleet:rows']({ keys: [...basket].slice(0, 500) }).then((r) => r.ok && setBasketRows(r.value.rows));
  }, [basket, fleetVersion]);
  useEffect(() => {
    void api['timeline:issues']({}).then((r) => (r.ok ? setIssues(r.value) : toast(r.error.message, 'bad')));
  }, [fleetVersion]);
  useEffect(() => {
    const first = tab === 'basket' ? basketRows[0]?.key : issues?.rows[0]?.key;
    setCurrent((c) => c ?? first ?? null);
  }, [tab, basketRows, issues]);
  useEffect(() => {
    if (!current) return setTimeline(null);
    void api['timeline:device']({ key: current }).then((r) => r.ok && setTimeline(r.value));
  }, [current, fleetVersion]);

  const holders = timeline && asOf !== null ? holdersAt(timeline.lanes, asOf) : null;
  return (
    <section className="screen">
      <ScreenHeader title="Timelines" />
      <OwnershipActions deviceKeys={[...basket]} />
      <div className="timeline-layout">
        <div className="panel">
          <div className="panel-header tabs" role="tablist">
            <button role="tab" aria-selected={tab === 'basket'} className={`tab ${tab === 'basket' ? 'active' : ''}`} onClick={() => setTab('basket')}>
              Basket ({basket.size})
            </button>
            <button role="tab" aria-selected={tab === 'issues'} className={`tab ${tab === 'issues' ? 'active' : ''}`} onClick={() => setTab('issues')}>
              Custody issues ({issues?.total ?? '…'})
            </button>
          </div>
          <div className="panel-body">
            {tab === 'basket' ? (
              basketRows.length ? <DeviceList title="Basket devices" rows={basketRows} current={current} onPick={setCurrent} /> : <p className="muted">The basket is empty. Select devices in Search, or look at the custody issues.</p>
            ) : issues?.rows.length ? (
              <DeviceList title="Devices with custody issues" rows={issues.rows} current={current} onPick={setCurrent} />
            ) : (
              <p className="muted">No overlaps, gaps or missing owners in the cached fleet.</p>
            )}
          </div>
        </div>
        <div className="panel">
          {!timeline ? (
            <EmptyState title="Pick a device">Its Insiders ownership, Telemetron assignments and Absolute users appear here on one time axis.</EmptyState>
          ) : (
            <div className="panel-body">
              <div className="toolbar">
                <h2 className="grow">
                  {timeline.name} <span className="mono muted">{timeline.serial}</span>
                </h2>
                <label className="field inline">
                  Who had it on
                  <input type="datetime-local" value={asOf === null ? '' : toLocalInput(asOf)} onChange={(e) => setAsOf(e.target.value ? new Date(e.target.value).getTime() : null)} aria-label="As of date and time" />
                </label>
                <div className="tabs" role="tablist">
                  <button role="tab" aria-selected={view === 'lanes'} className={`tab ${view === 'lanes' ? 'active' : ''}`} onClick={() => setView('lanes')}>
                    Timeline
                  </button>
                  <button role="tab" aria-selected={view === 'list'} className={`tab ${view === 'list' ? 'active' : ''}`} onClick={() => setView('list')}>
                    List
                  </button>
                </div>
              </div>
              {holders && (
                <div className="banner banner-info" data-testid="as-of-answer">
                  On {new Date(asOf!).toLocaleString()}: {holders.map((h) => `${h.lane}: ${h.who.length ? h.who.join(' and ') : 'nobody'}`).join(' · ')}
                </div>
              )}
              {timeline.explanations.map((e) => (
                <div key={e} className="banner banner-warn">
                  {e}
                </div>
              ))}
              {view === 'lanes' ? (
                <TimelineLanes key={timeline.key} lanes={timeline.lanes} asOf={asOf} onPick={setAsOf} />
              ) : (
                <table className="plain">
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
                    {timeline.lanes.flatMap((l) =>
                      l.segments.map((s, i) => (
                        <tr key={`${l.id}-${i}`}>
                          <td>{l.label}</td>
                          <td>{s.who}</td>
                          <td>{new Date(s.start).toLocaleString()}</td>
                          <td>{s.end ? new Date(s.end).toLocaleString() : <Badge tone="good">current</Badge>}</td>
                          <td className="muted">{[s.note, ...s.flags.map((f) => (f === 'observed' ? 'time is when fleetdesk saw it' : f))].filter(Boolean).join('; ')}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              )}
              <p className="muted">{timeline.lanes.map((l) => `${l.label}: ${l.source}`).join(' · ')}</p>
            </div>
          )}
        </div>
      </div>
      <PendingChangesBar scopes={["ownership", "assignment"]} />
    </section>
  );
}
