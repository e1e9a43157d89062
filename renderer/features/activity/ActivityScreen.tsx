import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ActivityEntry, RunView } from '../../../shared/ipc/channels/ops';
import { VENDORS, type VendorId } from '../../../shared/vendors';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { toast } from '../../components/Toasts';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api, onEvent } from '../../ipc/client';
import { RunProgress } from '../review/RunProgress';
import { ActivityTable } from './ActivityTable';
import { OutboxPanel } from './OutboxPanel';

/** The instant a local calendar day (YYYY-MM-DD) starts, `plusDays` later; undefined for no day. */
function localDayStart(day: string | undefined, plusDays: number): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  Object.assign(document.createElement('a'), { href: url, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Everything fleetdesk changed, per item; runs a crash interrupted; plans waiting in the outbox. */
export function ActivityScreen() {
  // Days are the user's local calendar days; the log is asked for the instants they span.
  const [filter, setFilter] = useState<{ device?: string; vendor?: VendorId; action?: string; fromDay?: string; toDay?: string }>({});
  const query = useMemo(
    () => ({ device: filter.device, vendor: filter.vendor, action: filter.action, from: localDayStart(filter.fromDay, 0), to: localDayStart(filter.toDay, 1) }),
    [filter],
  );
  const [entries, setEntries] = useState<{ entries: ActivityEntry[]; total: number } | null>(null);
  const [interrupted, setInterrupted] = useState<RunView[]>([]);

  const reload = useCallback(() => {
    void api['activity:list'](query).then((r) => (r.ok ? setEntries(r.value) : toast(r.error.message, 'bad')));
    void api['ops:recovery']({}).then((r) => r.ok && setInterrupted(r.value.runs));
  }, [query]);
  // Reload when filters change or a run ends.
  useEffect(reload, [reload]);
  useEffect(() => onEvent('ops:progress', (p) => p.state !== 'running' && reload()), [reload]);

  const exportAs = async (format: 'csv' | 'json') => {
    const r = await api['activity:export']({ format, filter: query });
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
          From <input type="date" value={filter.fromDay ?? ''} onChange={(e) => setFilter({ ...filter, fromDay: e.target.value || undefined })} />
        </label>
        <label className="field inline">
          To <input type="date" value={filter.toDay ?? ''} onChange={(e) => setFilter({ ...filter, toDay: e.target.value || undefined })} />
        </label>
      </div>
      {entries && entries.entries.length === 0 ? (
        <EmptyState title="No activity yet">Changes you apply (group edits, ownership changes, unenrolls) are recorded here with a result for every device.</EmptyState>
      ) : (
        <ActivityTable entries={entries?.entries ?? []} />
      )}
      {entries && entries.total > entries.entries.length && <p className="muted">Showing the latest {entries.entries.length} of {entries.total}; narrow the filters or export to see all.</p>}
    </section>
  );
}
