import { useCallback, useEffect, useState } from 'react';
import type { ActivityEntry, RunView } from '../../../shared/ipc/channels/ops';
import { VENDORS, type VendorId } from '../../../shared/vendors';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { toast } from '../../components/Toasts';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api, onEvent } from '../../ipc/client';
import { STATUS_TONE, STATUS_WORD } from '../review/item-status';
import { RunProgress } from '../review/RunProgress';
import { OutboxPanel } from './OutboxPanel';


function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  Object.assign(document.createElement('a'), { href: url, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Everything fleetdesk changed, per item; runs a crash interrupted; plans waiting in the outbox. */
export function ActivityScreen() {
  const [filter, setFilter] = useState<{ device?: string; vendor?: VendorId; action?: string; from?: string; to?: string }>({});
  const [entries, setEntries] = useState<{ entries: ActivityEntry[]; total: number } | null>(null);
  const [interrupted, setInterrupted] = useState<RunView[]>([]);

  const reload = useCallback(() => {
    void api['activity:list'](filter).then((r) => (r.ok ? setEntries(r.value) : toast(r.error.message, 'bad')));
    void api['ops:recovery']({}).then((r) => r.ok && setInterrupted(r.value.runs));
  }, [filter]);
  // Reload when filters change or a run ends.
  useEffect(reload, [reload]);
  useEffect(() => onEvent('ops:progress', (p) => p.state !== 'running' && reload()), [reload]);

  const exportAs = async (format: 'csv' | 'json') => {
    const r = await api['activity:export']({ format, filter });
    if (r.ok) download(r.value.filename, r.value.content, format === 'csv' ? 'text/csv' : 'application/json');
    else toast(r.error.message, 'bad');
  };

  return (
    <section className="screen scroll">
      <ScreenHeader title="Activity">
        <button className="btn" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button className="btn" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </ScreenHeader>
      {interrupted.map((run) => (
        <div key={run.runId} className="panel recovery" role="alert">
          <div className="panel-header">
            <strong>fleetdesk stopped while applying “{run.summary}”.</strong> Here is what the journal knows. Re-check the unknown items, then resume.
          </div>
          <div className="panel-body">
            <RunProgress
              run={run}
              onControl={(action) =>
                void api['ops:control']({ runId: run.runId, action: action === 'resume' ? 'resume' : action }).then((r) => {
                  if (!r.ok) return toast(r.error.message, 'bad');
                  reload();
                })
              }
            />
          </div>
        </div>
      ))}
      <OutboxPanel />
      <div className="toolbar" role="search">
        <input type="search" placeholder="Device name or serial" aria-label="Filter by device" value={filter.device ?? ''} onChange={(e) => setFilter({ ...filter, device: e.target.value || undefined })} />
        <select aria-label="Filter by vendor" value={filter.vendor ?? ''} onChange={(e) => setFilter({ ...filter, vendor: (e.target.value || undefined) as VendorId | undefined })}>
          <option value="">All vendors</option>
          {VENDORS.map((v) => (
            <option key={v} value={v}>
              {VENDOR_NAMES[v]}
            </option>
          ))}
        </select>
        <input type="search" placeholder="Action (e.g. unenroll)" aria-label="Filter by action" value={filter.action ?? ''} onChange={(e) => setFilter({ ...filter, action: e.target.value || undefined })} />
        <label className="field inline">
          From <input type="date" value={filter.from ?? ''} onChange={(e) => setFilter({ ...filter, from: e.target.value || undefined })} />
        </label>
        <label className="field inline">
          To <input type="date" value={filter.to ?? ''} onChange={(e) => setFilter({ ...filter, to: e.target.value || undefined })} />
        </label>
      </div>
      {entries && entries.entries.length === 0 ? (
        <EmptyState title="No activity yet">Changes you apply (group edits, ownership changes, unenrolls) are recorded here with a result for every device.</EmptyState>
      ) : (
        <table className="plain" aria-label="Activity log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Vendor</th>
              <th>Action</th>
              <th>Device</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {entries?.entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.osUser}</td>
                <td>{VENDOR_NAMES[e.vendor]}</td>
                <td>{e.action}</td>
                <td>{e.device}</td>
                <td>
                  <Badge tone={STATUS_TONE[e.result]}>{STATUS_WORD[e.result]}</Badge> {e.reason && <span className="muted">{e.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries && entries.total > entries.entries.length && <p className="muted">Showing the latest {entries.entries.length} of {entries.total}; narrow the filters or export to see all.</p>}
    </section>
  );
}
