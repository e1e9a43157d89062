import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useDraft } from '../../state/draft-store';

type Action = 'take' | 'release' | 'assign' | 'unassign' | 'transfer';

const splitEmails = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** Ownership and assignment actions for the basket; each one is staged, then reviewed and applied. */
export function OwnershipActions({ deviceKeys }: { deviceKeys: string[] }) {
  const [action, setAction] = useState<Action | null>(null);
  const [emails, setEmails] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [preview, setPreview] = useState<Array<{ email: string; valid: boolean; exists: boolean | null }> | null>(null);

  const stage = async (request: Parameters<(typeof api)['ownership:stage']>[0]) => {
    const r = await api['ownership:stage'](request);
    if (!r.ok) return toast(r.error.message, 'bad');
    const skipped = r.value.skipped.length ? ` ${r.value.skipped.length} skipped (${r.value.skipped[0]?.reason}${r.value.skipped.length > 1 ? '…' : ''})` : '';
    toast(`Staged ${r.value.staged} ${r.value.staged === 1 ? 'change' : 'changes'}.${skipped}`, r.value.staged ? 'good' : 'bad', r.value.staged ? { label: 'Undo', run: () => void useDraft.getState().undo() } : undefined);
    setAction(null);
    setPreview(null);
  };

  const checkEmails = async (list: string[]) => {
    const r = await api['ownership:previewAssign']({ emails: list });
    if (!r.ok) return toast(r.error.message, 'bad'), null;
    setPreview(r.value.customers);
    return r.value.customers;
  };

  const n = deviceKeys.length;
  const disabled = n === 0;
  const invalid = preview?.filter((c) => !c.valid) ?? [];
  return (
    <div className="toolbar">
      <span className="muted">{n ? `${n} basket devices:` : 'Put devices in the basket (Search) to change their ownership.'}</span>
      <button className="btn" disabled={disabled} onClick={() => void stage({ action: 'take', deviceKeys })} title="Insiders: take ownership by serial number and device name">
        Take ownership
      </button>
      <button className="btn" disabled={disabled} onClick={() => void stage({ action: 'release', deviceKeys })} title="Insiders: release the current ownership">
        Release ownership
      </button>
      <button className="btn" disabled={disabled} onClick={() => setAction('assign')}>
        Assign to customers…
      </button>
      <button className="btn" disabled={disabled} onClick={() => setAction('unassign')}>
        Unassign…
      </button>
      <button className="btn" disabled={disabled} onClick={() => setAction('transfer')}>
        Transfer…
      </button>
      <Dialog
        title={action === 'assign' ? 'Assign to Telemetron customers' : action === 'unassign' ? 'Unassign from a customer' : 'Transfer between customers'}
        open={action === 'assign' || action === 'unassign' || action === 'transfer'}
        onClose={() => {
          setAction(null);
          setPreview(null);
        }}
        footer={
          <button
            className="btn btn-primary"
            onClick={async () => {
              if (action === 'assign') {
                const list = splitEmails(emails);
                const checked = await checkEmails(list);
                if (checked && checked.every((c) => c.valid)) await stage({ action: 'assign', deviceKeys, emails: list });
              } else if (action === 'unassign') {
                const checked = await checkEmails([from.trim()]);
                if (checked?.[0]?.valid) await stage({ action: 'unassign', deviceKeys, email: from.trim() });
              } else if (action === 'transfer') {
                const checked = await checkEmails([from.trim(), to.trim()]);
                if (checked?.every((c) => c.valid)) await stage({ action: 'transfer', deviceKeys, from: from.trim(), to: to.trim() });
              }
            }}
          >
            Stage for {n} {n === 1 ? 'device' : 'devices'}
          </button>
        }
      >
        {action === 'assign' && (
          <label className="field">
            Customer emails (one or more)
            <textarea rows={3} value={emails} onChange={(e) => setEmails(e.target.value)} onBlur={() => splitEmails(emails).length && void checkEmails(splitEmails(emails))} />
          </label>
        )}
        {(action === 'unassign' || action === 'transfer') && (
          <label className="field">
            {action === 'transfer' ? 'From customer' : 'Customer email'}
            <input type="text" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
        )}
        {action === 'transfer' && (
          <>
            <label className="field">
              To customer
              <input type="text" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <p className="muted">A transfer unassigns from the first customer, then assigns to the second. If the second step fails you get a one-click way to finish or roll back.</p>
          </>
        )}
        {preview && (
          <ul className="email-preview">
            {preview.map((c) => (
              <li key={c.email} className={!c.valid ? 'bad' : c.exists === false ? 'warn' : ''}>
                {c.email}: {!c.valid ? 'not a valid email address' : c.exists === false ? 'new customer — will be created' : c.exists ? 'existing customer' : 'could not check (offline)'}
              </li>
            ))}
          </ul>
        )}
        {invalid.length > 0 && <p className="banner banner-error">Fix the invalid addresses first; nothing was staged.</p>}
      </Dialog>
    </div>
  );
}
