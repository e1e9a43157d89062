import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../shared/ipc/contract';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useDraft } from '../../state/draft-store';
import { AssignmentDialog, type AssignmentAction } from './AssignmentDialog';
import { stagedMessage } from './staged-message';

type Summary = ResultOf<'ownership:summary'>;

function describe(s: Summary): string {
  const ins = s.insiders;
  const parts = [
    ins.atVendor ? `Insiders: ${ins.ownedByAccount} owned by this account, ${ins.ownedByOthers} by other managers, ${ins.noOwner} by nobody` : 'none at Insiders',
    s.telemetron.seen ? `Telemetron: ${s.telemetron.seen} seen, ${s.telemetron.unassigned} unassigned` : 'none seen at Telemetron',
  ];
  return parts.join(' · ');
}

/** Ownership and assignment actions on the basket; each one is staged, then reviewed and applied from the bar below. */
export function OwnershipActions({ deviceKeys }: { deviceKeys: string[] }) {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [dialog, setDialog] = useState<AssignmentAction | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const keyList = deviceKeys.join('\n');

  useEffect(() => {
    if (!deviceKeys.length) return setSummary(null);
    void api['ownership:summary']({ deviceKeys }).then((r) => r.ok && setSummary(r.value));
    // keyList stands for deviceKeys' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyList, fleetVersion]);

  const stageOwnership = async (action: 'take' | 'release') => {
    const r = await api['ownership:stage']({ action, deviceKeys });
    if (!r.ok) return toast(r.error.message, 'bad');
    toast(stagedMessage(r.value, action === 'take' ? 'a take' : 'a release'), r.value.staged ? 'good' : 'bad', r.value.staged ? { label: 'Undo', run: () => void useDraft.getState().undo() } : undefined);
  };

  const n = deviceKeys.length;
  const ins = summary?.insiders;
  return (
    <div className="ownership-actions">
      <div className="toolbar">
        <strong>{n ? `${n} ${n === 1 ? 'device' : 'devices'} in the basket` : 'The basket is empty'}</strong>
        <span className="muted">{n === 0 ? 'Select devices in Search (or “Add to basket” on a timeline) to change their ownership.' : summary ? describe(summary) : 'Reading…'}</span>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Ownership actions">
        <span className="action-group-label">Insiders</span>
        <button className="btn" disabled={!ins?.atVendor} onClick={() => void stageOwnership('take')} title="Take ownership by serial number and device name">
          Take ownership
        </button>
        <button className="btn" disabled={!ins || ins.atVendor === ins.noOwner} onClick={() => void stageOwnership('release')} title="End this account's current ownership span">
          Release ownership
        </button>
        <span className="action-group-label">Telemetron</span>
        <button className="btn" disabled={n === 0} onClick={() => setDialog('assign')}>
          Assign…
        </button>
        <button className="btn" disabled={n === 0 || !summary?.telemetron.customers.length} onClick={() => setDialog('unassign')}>
          Unassign…
        </button>
        <button className="btn" disabled={n === 0 || !summary?.telemetron.customers.length} onClick={() => setDialog('transfer')}>
          Transfer…
        </button>
      </div>
      {dialog && <AssignmentDialog key={dialog} action={dialog} deviceKeys={deviceKeys} summary={summary} onClose={() => setDialog(null)} />}
    </div>
  );
}
