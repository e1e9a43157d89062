import { api } from '../ipc/client';
import { useApp } from '../state/app-store';
import { VENDOR_NAMES } from './VendorBadges';

/** Live sync progress (items, rate, ETA) with cancel, or a "Sync now" button when idle. */
export function SyncIndicator() {
  const sync = useApp((s) => s.sync);
  const running = Object.values(sync).filter((p) => p.phase === 'started' || p.phase === 'page');
  const failed = Object.values(sync).filter((p) => p.phase === 'failed');
  if (!running.length)
    return (
      <>
        {failed.map((f) => (
          <span key={f.connectionId} className="freshness-bad" title={f.message ?? ''}>
            {VENDOR_NAMES[f.vendor as keyof typeof VENDOR_NAMES] ?? f.vendor} sync failed
          </span>
        ))}
        <button className="btn btn-small" onClick={() => void api['sync:start']({})}>
          Sync now
        </button>
      </>
    );
  return (
    <>
      {running.map((p) => (
        <span key={p.connectionId} className="syncing">
          Syncing {VENDOR_NAMES[p.vendor as keyof typeof VENDOR_NAMES] ?? p.vendor}: {p.items.toLocaleString()}
          {p.total !== null ? ` of ${p.total.toLocaleString()}` : ''}
          {p.ratePerSecond > 0 ? ` · ${Math.round(p.ratePerSecond).toLocaleString()}/s` : ''}
          {p.etaSeconds !== null ? ` · ${p.etaSeconds}s left` : ''}
        </span>
      ))}
      <button className="btn btn-small" onClick={() => void api['sync:cancel']({})}>
        Cancel sync
      </button>
    </>
  );
}
