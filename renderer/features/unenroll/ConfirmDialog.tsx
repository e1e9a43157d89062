import { useState } from 'react';
import { Dialog } from '../../components/Dialog';

/**
 * The last step before an irreversible send: a plain summary, and above the
 * destructive threshold the count must be typed.
 */
export function ConfirmDialog({
  open,
  count,
  account,
  threshold,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  count: number;
  account: string;
  threshold: number;
  onCancel: () => void;
  onConfirm: (typedCount: number | undefined) => void;
}) {
  const [typed, setTyped] = useState('');
  const needsTyping = count > threshold;
  const ready = !needsTyping || Number(typed) === count;
  return (
    <Dialog
      title="Unenroll from Absolute"
      open={open}
      onClose={onCancel}
      footer={
        <>
          <button className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button className="btn btn-danger" disabled={!ready} onClick={() => onConfirm(needsTyping ? Number(typed) : undefined)}>
            Unenroll {count} {count === 1 ? 'device' : 'devices'}
          </button>
        </>
      }
    >
      <p>
        <strong>
          Unenroll {count} {count === 1 ? 'device' : 'devices'} from Absolute account {account}.
        </strong>
      </p>
      <p>Licenses are released and the agent is removed from each device the next time it contacts Absolute. fleetdesk cannot undo this.</p>
      <p className="muted">Sent in batches of at most 100. You can pause or cancel between batches; every batch is recorded before it is sent.</p>
      {needsTyping && (
        <label className="field">
          This is more than {threshold} devices. Type {count} to confirm.
          <input type="text" inputMode="numeric" autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type the device count to confirm" />
        </label>
      )}
    </Dialog>
  );
}
