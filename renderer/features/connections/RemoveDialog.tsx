import { useState } from 'react';
import type { ConnectionView } from '../../../shared/connections';
import type { AppError } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';

/** Removing a connection: its keychain entries always go; its cached devices only when the box stays checked. */
export function RemoveDialog({ connection, devices, onClose }: { connection: ConnectionView; devices: number; onClose: () => void }) {
  const [purge, setPurge] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const remove = async () => {
    setBusy(true);
    const r = await api['connections:remove']({ id: connection.id, purgeCache: purge });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(`Removed ${connection.label}${r.value.cachePurged ? ' and its cached devices' : ''}.`, 'good');
    onClose();
  };
  return (
    <Dialog
      title={`Remove ${connection.label}`}
      open
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-danger" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Removing…' : 'Remove connection'}
          </button>
        </>
      }
    >
      {error && <ErrorBanner error={error} onRetry={() => void remove()} />}
      <p>
        <strong>fleetdesk stops syncing {connection.label} and deletes its secrets from the system keychain.</strong> Nothing changes at the vendor.
      </p>
      <label className="field inline remove-purge">
        <input type="checkbox" checked={purge} onChange={(e) => setPurge(e.target.checked)} />
        Also delete its cached data from this computer ({devices.toLocaleString()} devices)
      </label>
      <p className="muted">{purge ? 'Its devices leave every screen now.' : 'Its devices leave every screen now; the cache file stays on disk.'}</p>
    </Dialog>
  );
}
