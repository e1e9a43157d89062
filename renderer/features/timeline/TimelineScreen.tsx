import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { CustodyIssueRowSchema } from '../../../shared/ipc/channels/timeline';
import type { ResultOf } from '../../../shared/ipc/contract';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { startDraftStore } from '../../state/draft-store';
import { useSelection } from '../../state/selection-store';
import { PendingChangesBar } from '../review/PendingChangesBar';
import { DeviceTimeline } from './DeviceTimeline';
import { HalfDoneTransfers } from './HalfDoneTransfers';
import { OwnershipActions } from './OwnershipActions';
import './timeline.css';

type IssueRow = z.infer<typeof CustodyIssueRowSchema>;
type IssueKind = IssueRow['issues'][number];
type PickRow = { key: string; name: string; serial: string | null; issues?: IssueKind[] };
const ISSUE_WORDS: Record<IssueKind, string> = { overlap: 'overlap', gap: 'gap', 'no-current-owner': 'no current owner', 'vendor-mismatch': 'owner at one vendor only' };
const ISSUE_KINDS = Object.keys(ISSUE_WORDS) as IssueKind[];

function DeviceList({ title, rows, current, onPick }: { title: string; rows: PickRow[]; current: string | null; onPick: (k: string) => void }) {
  return (
    <ul className="device-pick-list" aria-label={title}>
      {rows.map((r) => (
        <li key={r.key}>
          <button className={`pick ${r.key === current ? 'active' : ''}`} aria-current={r.key === current ? 'true' : undefined} onClick={() => onPick(r.key)}>
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

/** The fleet view: devices with custody problems, filtered by kind. */
function CustodyIssues({ current, onPick }: { current: string | null; onPick: (k: string) => void }) {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [kind, setKind] = useState<IssueKind | null>(null);
  const [issues, setIssues] = useState<ResultOf<'timeline:issues'> | null>(null);
  useEffect(() => {
    void api['timeline:issues'](kind ? { kinds: [kind] } : {}).then((r) => (r.ok ? setIssues(r.value) : toast(r.error.message, 'bad')));
  }, [fleetVersion, kind]);
  return (
    <>
      <div className="issue-filters" role="group" aria-label="Show devices with">
        <button className={`chip ${kind === null ? 'active' : ''}`} aria-pressed={kind === null} onClick={() => setKind(null)}>
          All issues
        </button>
        {ISSUE_KINDS.map((k) => (
          <button key={k} className={`chip ${kind === k ? 'active' : ''}`} aria-pressed={kind === k} onClick={() => setKind(k)}>
            {ISSUE_WORDS[k]} <span className="muted">{issues?.counts[k] ?? '…'}</span>
          </button>
        ))}
      </div>
      {issues === null ? (
        <p className="muted">Reading the fleet…</p>
      ) : issues.rows.length ? (
        <>
          <DeviceList title="Devices with custody issues" rows={issues.rows} current={current} onPick={onPick} />
          {issues.total > issues.rows.length && <p className="muted">Showing the first {issues.rows.length} of {issues.total}. Narrow it with the filters above.</p>}
        </>
      ) : (
        <p className="muted">No {kind ? ISSUE_WORDS[kind] : 'overlaps, gaps or missing owners'} in the cached fleet.</p>
      )}
    </>
  );
}

/** Opens any device by serial, name or user. */
function FindDevice({ current, onPick }: { current: string | null; onPick: (k: string) => void }) {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<PickRow[] | null>(null);
  useEffect(() => {
    if (!query.trim()) return setRows(null);
    let live = true;
    void api['fleet:search']({ query, limit: 30 }).then((r) => live && r.ok && setRows(r.value.rows));
    return () => {
      live = false;
    };
  }, [query]);
  return (
    <>
      <input type="search" className="find-input" placeholder="Serial, name or user" aria-label="Find a device" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      {rows === null ? <p className="muted">Type a serial number, device name or user to open its timeline.</p> : rows.length ? <DeviceList title="Found devices" rows={rows} current={current} onPick={onPick} /> : <p className="muted">No device matches “{query}”.</p>}
    </>
  );
}

/** Custody timelines: who owned or was assigned a device when, fleet-wide custody problems, and ownership actions on the basket. */
export function TimelineScreen() {
  const basket = useSelection((s) => s.keys);
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [tab, setTab] = useState<'basket' | 'issues' | 'find'>(basket.size ? 'basket' : 'issues');
  const [basketRows, setBasketRows] = useState<PickRow[]>([]);
  const [current, setCurrent] = useState<string | null>(null);

  useEffect(() => startDraftStore(), []);
  useEffect(() => {
    void api['fleet:rows']({ keys: [...basket].slice(0, 500) }).then((r) => r.ok && setBasketRows(r.value.rows));
  }, [basket, fleetVersion]);
  useEffect(() => {
    if (tab === 'basket') setCurrent((c) => c ?? basketRows[0]?.key ?? null);
  }, [tab, basketRows]);

  const tabs = [
    { id: 'basket', label: `Basket (${basket.size})` },
    { id: 'issues', label: 'Custody issues' },
    { id: 'find', label: 'Find' },
  ] as const;
  return (
    <section className="screen">
      <ScreenHeader title="Timelines" />
      <OwnershipActions deviceKeys={[...basket]} />
      <HalfDoneTransfers onOpen={setCurrent} />
      <div className="timeline-layout">
        <div className="panel">
          <div className="panel-header tabs" role="tablist" aria-label="Devices">
            {tabs.map((t) => (
              <button key={t.id} role="tab" aria-selected={tab === t.id} className={`tab ${tab === t.id ? 'active' : ''}`} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div className="panel-body">
            {tab === 'basket' &&
              (basketRows.length ? <DeviceList title="Basket devices" rows={basketRows} current={current} onPick={setCurrent} /> : <p className="muted">The basket is empty. Select devices in Search, or open one from the custody issues or Find.</p>)}
            {tab === 'issues' && <CustodyIssues current={current} onPick={setCurrent} />}
            {tab === 'find' && <FindDevice current={current} onPick={setCurrent} />}
          </div>
        </div>
        <div className="panel">
          {current ? (
            <DeviceTimeline deviceKey={current} />
          ) : (
            <EmptyState title="Pick a device">Its Insiders ownership, Telemetron customers and Absolute users appear here on one time axis, with overlaps and gaps explained.</EmptyState>
          )}
        </div>
      </div>
      <PendingChangesBar scopes={['ownership', 'assignment']} />
    </section>
  );
}
