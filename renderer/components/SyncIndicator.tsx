import { api } from '../ipc/client';
import { useApp } from '../state/app-store';
import { VENDOR_NAMES } from './VendorBadges';

const nameOf = (vendor: string) => VENDOR_NAMES[vendor as keyof typeof VENDOR_NAMES] ?? vendor;

/**
 * Live sync progress (items, rate, ETA) with cancel, or a "Sync now" button
 * when idle. Failed syncs are named here only while online: offline, the
 * status bar already says why, and each vendor's age shows it failed.
 */
export function SyncIndicator() {
  const sync = useApp((s) => s.sync);
  const online = useApp((s) => s.status?.online ?? true);
  const running = Object.values(sync).filter((p) => p.phase === 'started' || p.phase === 'page');
  const failed = online ? Object.values(sync).filter((p) => p.phase === 'failed') : [];
  if (!running.length)
    return (
      <>
        {failed.length > 0 && (
          <span className="freshness-bad" title={failed.map((f) => `${nameOf(f.vendor)}: ${f.message ?? 'failed'}`).join('\n')}>
            {failed.length === 1 ? `${nameOf(failed[0]!.vendor)} sync failed` : `${failed.length} syncs failed`}
          </span>
        )}
        <button className="btn btn-small" onClick={() => void api['sync:start']({})}>
          Sync now
        </button>
      </>
    );
  return (
    <>
      {running.map((p) => (
        <span key={p.connectionId} className="syncing">
          Syncing {nameOf(p.vendor)}: {p.items.toLocaleString()}
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
