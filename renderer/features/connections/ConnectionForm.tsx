import { useState, type FormEvent } from 'react';
import { checkServiceUrl, CONNECTION_FIELDS, fieldPhrase, isPlausibleEmail, type ConnectionView, type FieldDef } from '../../../shared/connections';
import type { AppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { VendorId } from '../../../shared/vendors';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';

const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);

/** The form's starting values: saved settings (lists one per line); secrets always start empty (write-only). */
function initialValues(vendor: VendorId, existing: ConnectionView | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of CONNECTION_FIELDS[vendor]) {
    if (f.kind === 'secret') continue;
    const saved = existing?.settings[f.key];
    out[f.key] = Array.isArray(saved) ? saved.join('\n') : (saved ?? (f.kind === 'select' ? (f.options?.[0]?.value ?? '') : ''));
  }
  return out;
}

/** What is wrong with one field, in words, or null. */
function problemOf(f: FieldDef, value: string, secretSaved: boolean): string | null {
  const empty = value.trim() === '';
  if (f.kind === 'secret') return f.required && empty && !secretSaved ? `Enter the ${fieldPhrase(f.label)}.` : null;
  if (empty) return f.required ? `Enter the ${fieldPhrase(f.label)}.` : null;
  if (f.kind === 'url') {
    const checked = checkServiceUrl(value);
    return checked.ok ? null : checked.message;
  }
  if (f.kind === 'emails') {
    const bad = splitEmails(value).filter((e) => !isPlausibleEmail(e));
    return bad.length ? `Not email addresses: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''}.` : null;
  }
  return null;
}

/**
 * Add or edit one connection. Secrets are write-only: a saved one shows as
 * "saved in the keychain" and is replaced only when something is typed.
 */
export function ConnectionForm({ vendor, existing, onClose, onSaved }: { vendor: VendorId; existing: ConnectionView | null; onClose: () => void; onSaved: (view: ConnectionView) => void }) {
  const fields = CONNECTION_FIELDS[vendor];
  const [label, setLabel] = useState(existing?.label ?? `${VENDOR_NAMES[vendor]}`);
  const [values, setValues] = useState(() => initialValues(vendor, existing));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);

  const valueOf = (f: FieldDef) => (f.kind === 'secret' ? (secrets[f.key] ?? '') : (values[f.key] ?? ''));
  const problems = Object.fromEntries(fields.map((f) => [f.key, problemOf(f, valueOf(f), !!existing?.secrets[f.key]?.set)]));
  const labelProblem = label.trim() ? null : 'Give the connection a name.';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Problems are shown once the user tries to save, not while typing the first characters.
    setShown({ ...problems, label: labelProblem });
    if (labelProblem || Object.values(problems).some(Boolean)) return;
    const settings: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.kind === 'secret') continue;
      const v = values[f.key] ?? '';
      if (f.kind === 'emails') settings[f.key] = splitEmails(v);
      else if (v.trim()) settings[f.key] = v.trim();
    }
    const typed = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
    setSaving(true);
    const r = await api['connections:save']({ vendor, ...(existing ? { id: existing.id } : {}), label: label.trim(), settings, secrets: typed } as RequestOf<'connections:save'>);
    setSaving(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.value.connection);
  };

  const input = (f: FieldDef) => {
    const id = `conn-${f.key}`;
    const problem = shown[f.key];
    const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': `${id}-help` } as const;
    const saved = f.kind === 'secret' && existing?.secrets[f.key]?.set;
    return (
      <div key={f.key} className="field">
        <label htmlFor={id}>
          {f.label}
          {f.required && !saved && <span aria-hidden="true"> *</span>}
        </label>
        {f.kind === 'select' ? (
          <select {...common} value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}>
            {f.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : f.kind === 'emails' ? (
          <textarea {...common} rows={4} value={values[f.key]} placeholder="customer@example.com" onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
        ) : f.kind === 'secret' ? (
          <input
            {...common}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={secrets[f.key] ?? ''}
            placeholder={saved ? 'Saved in the system keychain — type to replace' : ''}
            onChange={(e) => setSecrets({ ...secrets, [f.key]: e.target.value })}
          />
        ) : (
          <input {...common} type="text" spellCheck={false} value={values[f.key]} placeholder={f.placeholder} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
        )}
        <span id={`${id}-help`} className={problem ? 'field-problem' : 'field-help'}>
          {problem ?? (f.kind === 'secret' ? 'Kept only in the system keychain; fleetdesk never shows it again.' : f.kind === 'emails' ? `${splitEmails(values[f.key] ?? '').length} watched. ${f.help}` : f.help)}
        </span>
      </div>
    );
  };

  const title = existing ? `Edit ${existing.label}` : `New ${VENDOR_NAMES[vendor]} connection`;
  return (
    <Dialog
      title={title}
      open
      onClose={onClose}
      footer={
        <>
          <button className="btn" type="button" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" type="submit" form="connection-form" disabled={saving}>
            {saving ? 'Saving…' : 'Save and test'}
          </button>
        </>
      }
    >
      <form id="connection-form" className="connection-form" onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="field">
          <label htmlFor="conn-label">
            Name<span aria-hidden="true"> *</span>
          </label>
          <input id="conn-label" type="text" value={label} maxLength={80} aria-invalid={shown.label ? true : undefined} aria-describedby="conn-label-help" onChange={(e) => setLabel(e.target.value)} />
          <span id="conn-label-help" className={shown.label ? 'field-problem' : 'field-help'}>
            {shown.label ?? 'How this account is called across fleetdesk (e.g. "Absolute EU").'}
          </span>
        </div>
        {fields.filter((f) => !f.advanced).map(input)}
        {fields.some((f) => f.advanced) && (
          <details className="advanced" open={fields.some((f) => f.advanced && (values[f.key] || shown[f.key]))}>
            <summary>Advanced: addresses</summary>
            {fields.filter((f) => f.advanced).map(input)}
          </details>
        )}
      </form>
    </Dialog>
  );
}
