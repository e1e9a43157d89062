import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { ResultOf } from '../../../shared/ipc/contract';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useDraft } from '../../state/draft-store';
import { splitEmails, stagedMessage } from './staged-message';

export type AssignmentAction = 'assign' | 'unassign' | 'transfer';
type Summary = ResultOf<'ownership:summary'>;
type Checked = ResultOf<'ownership:previewAssign'>['customers'];

const TITLES: Record<AssignmentAction, string> = { assign: 'Assign to Telemetron customers', unassign: 'Unassign from a Telemetron customer', transfer: 'Transfer to another Telemetron customer' };
const WHAT: Record<AssignmentAction, string> = { assign: 'an assignment', unassign: 'an unassign', transfer: 'a transfer' };

/** What Telemetron will make of each typed address, checked as the user types. */
function CustomerCheck({ checked }: { checked: Checked | null }) {
  if (!checked?.length) return null;
  return (
    <ul className="email-preview" aria-live="polite" aria-label="Customer check">
      {checked.map((c) => (
        <li key={c.email} className={!c.valid ? 'bad' : c.exists === false ? 'warn' : c.exists === null ? 'muted' : 'good'}>
          <span className="mono">{c.email}</span> — {!c.valid ? 'not a valid email address' : c.exists === false ? 'new customer: Telemetron will create it' : c.exists ? 'existing customer' : 'could not check (offline): created if it does not exist'}
        </li>
      ))}
    </ul>
  );
}

/** Customers the basket's devices have now, as one-click choices. */
function BasketCustomers({ summary, onPick }: { summary: Summary | null; onPick: (email: string) => void }) {
  const list = summary?.telemetron.customers ?? [];
  if (!list.length) return <p className="muted">{summary ? 'None of these devices is assigned to a customer fleetdesk knows of.' : 'Reading the basket…'}</p>;
  return (
    <div className="customer-chips" role="group" aria-label="Customers of these devices">
      {list.slice(0, 12).map((c) => (
        <button type="button" key={c.email} className="chip" onClick={() => onPick(c.email)}>
          {c.email} <span className="muted">{c.devices} of {summary!.devices}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * Assign, unassign or transfer the basket's devices at Telemetron. Addresses
 * are checked as they are typed (valid? existing customer, or one Telemetron
 * will create?); nothing is staged while one is invalid. Enter stages; Esc closes.
 */
export function AssignmentDialog({ action, deviceKeys, summary, onClose }: { action: AssignmentAction; deviceKeys: string[]; summary: Summary | null; onClose: () => void }) {
  const common = summary?.telemetron.customers[0]?.email ?? '';
  const [emails, setEmails] = useState('');
  const [from, setFrom] = useState(action === 'assign' ? '' : common);
  const [to, setTo] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);

  // The addresses Telemetron would be asked to create or find, checked shortly after typing stops.
  const toCheck = action === 'assign' ? splitEmails(emails) : action === 'transfer' ? splitEmails(to) : [];
  const checkKey = toCheck.join(' ');
  useEffect(() => {
    if (!toCheck.length) return setChecked(null);
    const timer = setTimeout(() => void api['ownership:previewAssign']({ emails: toCheck.slice(0, 50) }).then((r) => (r.ok ? setChecked(r.value.customers) : setError(r.error))), 350);
    return () => clearTimeout(timer);
    // checkKey stands for toCheck's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkKey]);
  useEffect(() => firstField.current?.focus(), []);

  const n = deviceKeys.length;
  const submit = async () => {
    setProblem(null);
    setError(null);
    const typed = action === 'assign' ? splitEmails(emails) : action === 'unassign' ? [from.trim()] : [from.trim(), to.trim()];
    if (typed.some((e) => !e) || !typed.length) return setProblem(action === 'transfer' ? 'Enter both customers.' : 'Enter a customer email.');
    if (action === 'transfer' && typed[0]!.toLowerCase() === typed[1]!.toLowerCase()) return setProblem('From and to are the same customer.');
    setBusy(true);
    const check = await api['ownership:previewAssign']({ emails: typed.slice(0, 50) });
    if (!check.ok) {
      setBusy(false);
      return setError(check.error);
    }
    const invalid = check.value.customers.filter((c) => !c.valid);
    if (invalid.length) {
      setBusy(false);
      setChecked(check.value.customers);
      firstField.current?.focus();
      return setProblem(`Not a valid email address: ${invalid.map((c) => c.email).join(', ')}. Nothing was staged.`);
    }
    const request = action === 'assign' ? { action, deviceKeys, emails: typed } : action === 'unassign' ? { action, deviceKeys, email: typed[0]! } : { action, deviceKeys, from: typed[0]!, to: typed[1]! };
    const r = await api['ownership:stage'](request);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(stagedMessage(r.value, WHAT[action]), r.value.staged ? 'good' : 'bad', r.value.staged ? { label: 'Undo', run: () => void useDraft.getState().undo() } : undefined);
    if (r.value.staged) onClose();
    else setProblem(stagedMessage(r.value, WHAT[action]));
  };

  const footer = (
    <>
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form="assignment-form" className="btn btn-primary" disabled={busy || n === 0}>
        {busy ? 'Checking…' : `Stage for ${n} ${n === 1 ? 'device' : 'devices'}`}
      </button>
    </>
  );
  return (
    <Dialog title={TITLES[action]} open onClose={onClose} footer={footer}>
      <form
        id="assignment-form"
        className="assignment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <datalist id="known-customers">
          {summary?.knownCustomers.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <datalist id="basket-customers">
          {summary?.telemetron.customers.map((c) => (
            <option key={c.email} value={c.email} />
          ))}
        </datalist>
        {action === 'assign' ? (
          <label className="field">
            Customer emails (one or more, separated by commas)
            <input ref={firstField} type="text" list="known-customers" value={emails} onChange={(e) => setEmails(e.target.value)} placeholder="alice@example.com, bob@example.com" aria-invalid={!!problem} autoComplete="off" />
          </label>
        ) : (
          <>
            <label className="field">
              {action === 'transfer' ? 'From customer (unassigned first)' : 'Customer to unassign from'}
              <input ref={firstField} type="text" list="basket-customers" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="customer@example.com" aria-invalid={!!problem} autoComplete="off" />
            </label>
            <BasketCustomers summary={summary} onPick={setFrom} />
          </>
        )}
        {action === 'transfer' && (
          <label className="field">
            To customer (then assigned)
            <input type="text" list="known-customers" value={to} onChange={(e) => setTo(e.target.value)} placeholder="new.customer@example.com" autoComplete="off" />
          </label>
        )}
        <CustomerCheck checked={checked} />
        {action === 'transfer' && (
          <p className="muted">
            Each device is one item making two calls: unassign from the first customer, then assign to the second. If the second call fails, the device is left “half done” and the
            results offer <em>Finish</em> (assign to the new customer) or <em>Roll back</em> (assign to the old one again).
          </p>
        )}
        {action === 'unassign' && <p className="muted">Both records stay at Telemetron; only the link between the device and this customer is removed.</p>}
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      </form>
    </Dialog>
  );
}
