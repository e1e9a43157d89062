import type { VendorFreshness } from '../../shared/model';
import { useEffect } from 'react';
import { useConnections } from '../features/connections/connections-store';
import { useApp } from '../state/app-store';
import { RelativeTime } from './RelativeTime';
import { SyncIndicator } from './SyncIndicator';
import { VENDOR_NAMES } from './VendorBadges';

function freshnessTone(f: VendorFreshness, staleAfterHours: number): 'good' | 'warn' | 'bad' {
  if (f.lastError) return 'bad';
  if (!f.asOf) return 'warn';
  return Date.now() - Date.parse(f.asOf) > staleAfterHours * 3_600_000 ? 'warn' : 'good';
}

/** Bottom bar: online or not, syncing, and how old each vendor's data is. */
export function StatusBar() {
  const status = useApp((s) => s.status);
  const connection = useApp((s) => s.connection);
  const accounts = useConnections((s) => s.list?.connections);
  useEffect(() => {
    if (connection === 'open') void useConnections.getState().load();
  }, [connection]);
  // Two accounts of one vendor are told apart by their names.
  const nameOf = (f: VendorFreshness) =>
    status && status.freshness.filter((o) => o.vendor === f.vendor).length > 1 ? (accounts?.find((c) => c.id === f.connectionId)?.label ?? VENDOR_NAMES[f.vendor]) : VENDOR_NAMES[f.vendor];
  if (!status) return <footer className="statusbar">{connection === 'open' ? 'Loading status…' : 'Connecting…'}</footer>;
  return (
    <footer className="statusbar" aria-label="Status">
      <span className={`dot ${status.online ? 'dot-good' : 'dot-bad'}`} aria-hidden="true" />
      <span>{status.online ? 'Online' : 'Offline — working on cached data'}</span>
      <SyncIndicator />
      {status.liveCallsDisabled && (
        <span className="status-warn" title={status.liveCallsDisabled}>
          Live calls disabled
        </span>
      )}
      <span className="spacer" />
      {status.freshness.map((f) => {
        const tone = freshnessTone(f, status.staleAfterHours);
        return (
          <span key={f.connectionId} className={`freshness freshness-${tone}`} title={f.lastError ?? `${f.deviceCount} devices`}>
            {nameOf(f)}: {f.asOf ? <>as of <RelativeTime iso={f.asOf} /></> : 'never synced'}
            {tone === 'warn' && f.asOf && ' (stale)'}
            {f.lastError && status.online && ' — last sync failed'}
          </span>
        );
      })}
    </footer>
  );
}
