import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Preferences } from '../../../shared/preferences';
import { ErrorBanner } from '../../components/ErrorBanner';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';

type Draft = { [K in keyof Preferences]: Preferences[K] extends number ? string : Preferences[K] };
const toDraft = (p: Preferences): Draft => ({ ...p, staleAfterHours: String(p.staleAfterHours), syncIntervalMinutes: String(p.syncIntervalMinutes), destructiveThreshold: String(p.destructiveThreshold) });

/** How fleetdesk behaves: staleness, background sync, the typed-count threshold and the demo fleet. */
export function PreferencesPanel({ hasOwnAccounts }: { hasOwnAccounts: boolean }) {
  const [saved, setSaved] = useState<Preferences | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api['preferences:get']({}).then((r) => {
      if (!r.ok) return setError(r.error);
      setSaved(r.value);
      setDraft(toDraft(r.value));
    });
  }, []);

  if (!draft || !saved) return <section className="panel prefs" aria-label="Preferences">{error && <ErrorBanner error={error} />}</section>;

  const dirty = JSON.stringify(toDraft(saved)) !== JSON.stringify(draft);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api['preferences:set']({
      staleAfterHours: Number(draft.staleAfterHours),
      syncOnStart: draft.syncOnStart,
      syncIntervalMinutes: Number(draft.syncIntervalMinutes),
      destructiveThreshold: Number(draft.destructiveThreshold),
      demoFleet: draft.demoFleet,
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(r.value);
    setDraft(toDraft(r.value));
    toast('Preferences saved.', 'good');
  };
  const number = (key: 'staleAfterHours' | 'syncIntervalMinutes' | 'destructiveThreshold', label: string, unit: string, min: number, max: number, help: string) => (
    <label className="field" htmlFor={`pref-${key}`}>
      <span>{label}</span>
      <span className="with-unit">
        <input id={`pref-${key}`} type="number" min={min} max={max} step={1} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        <span>{unit}</span>
      </span>
      <span className="field-help">{help}</span>
    </label>
  );

  return (
    <section className="panel prefs" aria-labelledby="prefs-title">
      <form onSubmit={(e) => void save(e)}>
        <div className="panel-header">
          <h2 id="prefs-title">Preferences</h2>
          <span className="spacer" />
          {dirty && (
            <button type="button" className="btn" onClick={() => setDraft(toDraft(saved))}>
              Undo changes
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={!dirty}>
            Save preferences
          </button>
        </div>
        <div className="panel-body">
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="prefs-grid">
            {number('staleAfterHours', 'Data is stale after', 'hours', 1, 2160, 'Older data is shown in amber, and unenroll asks for a refresh first.')}
            {number('syncIntervalMinutes', 'Sync in the background every', 'minutes', 5, 1440, 'While offline, fleetdesk retries quietly and sooner.')}
            {number('destructiveThreshold', 'Type the count to confirm above', 'devices', 1, 100000, 'Unenrolls and group removals larger than this need the number typed.')}
            <div className="field">
              <span>Start-up and demo</span>
              <label className="field inline">
                <input type="checkbox" checked={draft.syncOnStart} onChange={(e) => setDraft({ ...draft, syncOnStart: e.target.checked })} />
                Sync every connection when fleetdesk starts
              </label>
              <label className="field inline">
                <input type="checkbox" checked={draft.demoFleet} onChange={(e) => setDraft({ ...draft, demoFleet: e.target.checked })} />
                Run the demo fleet next to my accounts
              </label>
              <span className="field-help">{hasOwnAccounts ? 'Demo accounts are named "Demo …" wherever they appear.' : 'While no account of your own is saved, the demo fleet always runs.'}</span>
            </div>
          </div>
        </div>
      </form>
    </section>
  );
}
