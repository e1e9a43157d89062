import { useEffect, useState } from 'react';
import type { ConnectionView, TestResult } from '../../../shared/connections';
import type { VendorFreshness } from '../../../shared/model';
import { VENDORS, type VendorId } from '../../../shared/vendors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Spinner } from '../../components/Spinner';
import { toast } from '../../components/Toasts';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionRow } from './ConnectionRow';
import { useConnections } from './connections-store';
import { PreferencesPanel } from './PreferencesPanel';
import { RemoveDialog } from './RemoveDialog';

type Editing = { vendor: VendorId; existing: ConnectionView | null };

/** The vendor accounts fleetdesk reads (add, edit, test, rename, remove), the demo fleet's state, and the preferences. */
export function ConnectionsScreen() {
  const { list, loadError, tests, load, test } = useConnections();
  const freshness = useApp((s) => s.status?.freshness);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<ConnectionView | null>(null);

  useEffect(() => void load(), [load]);

  const saved = async (view: ConnectionView, firstOwnAccount: boolean) => {
    setEditing(null);
    if (firstOwnAccount) toast('The demo fleet is off now: fleetdesk shows your own accounts only. Preferences can turn it back on.', 'info');
    else toast(`Saved ${view.label}. Testing the connection…`, 'good');
    await test(view.id);
  };

  const own = list?.connections.filter((c) => !c.demo) ?? [];
  const tableProps = { freshness: freshness ?? [], tests, keychainProblem: list?.keychain.state === 'unavailable' ? list.keychain.message : null, onEdit: (c: ConnectionView) => setEditing({ vendor: c.vendor, existing: c }), onRemove: setRemoving };
  const demo = list?.connections.filter((c) => c.demo) ?? [];
  return (
    <section className="screen scroll connections-screen">
      <ScreenHeader title="Connections & settings">
        <button className="btn" onClick={() => void api['sync:start']({})}>
          Sync all now
        </button>
      </ScreenHeader>
      {loadError && <ErrorBanner error={loadError} onRetry={() => void load()} />}
      {list?.notices.map((n) => (
        <div key={n} className="banner banner-warn" role="alert">
          <div className="banner-text">{n}</div>
        </div>
      ))}
      {list && <KeychainState keychain={list.keychain} hasOwn={own.length > 0} />}
      {list?.demo.running && (
        <div className="banner banner-info">
          <div className="banner-text">
            <strong>{own.length ? 'The demo fleet runs next to your accounts.' : 'You are on the demo fleet.'}</strong> {list.demo.why}
          </div>
        </div>
      )}

      <div className="toolbar add-connection" role="group" aria-label="Add a connection">
        <span className="muted">Add a connection:</span>
        {VENDORS.map((v) => (
          <button key={v} className="btn" onClick={() => setEditing({ vendor: v, existing: null })}>
            + {VENDOR_NAMES[v]}
          </button>
        ))}
      </div>

      {!list ? (
        <Spinner label="Loading connections…" />
      ) : (
        <>
          {own.length === 0 ? (
            <div className="empty-connections" role="status">
              <h2>No accounts of your own yet</h2>
              <p>
                Connect fleetdesk to your Absolute, Telemetron, Insiders or AlgoSec account with the buttons above. Secrets are kept only in this computer's keychain. {list.demo.running ? 'The demo fleet stops once your first account is saved.' : ''}
              </p>
            </div>
          ) : (
            <ConnectionTable title="Your accounts" connections={own} {...tableProps} />
          )}
          {!list.demo.running && own.length > 0 && <p className="muted">{list.demo.why}</p>}
          {demo.length > 0 && <ConnectionTable title="Demo accounts" connections={demo} {...tableProps} />}
        </>
      )}

      <PreferencesPanel hasOwnAccounts={own.length > 0} />

      {editing && (
        <ConnectionForm
          vendor={editing.vendor}
          existing={editing.existing}
          onClose={() => setEditing(null)}
          onSaved={(view) => void saved(view, !editing.existing && own.length === 0 && !!list?.demo.running)}
        />
      )}
      {removing && <RemoveDialog connection={removing} devices={freshness?.find((f) => f.connectionId === removing.id)?.deviceCount ?? 0} onClose={() => setRemoving(null)} />}
    </section>
  );
}

/** The keychain cannot be used: what that means for live calls, how to fix it, and Retry. */
function KeychainState({ keychain, hasOwn }: { keychain: { state: string; message: string | null }; hasOwn: boolean }) {
  const retry = useConnections((s) => s.retryKeychain);
  if (!hasOwn || keychain.state === 'ok' || !keychain.message) return null;
  return (
    <div className={`banner ${keychain.state === 'checking' ? 'banner-info' : 'banner-error'}`} role="alert">
      <div className="banner-text">
        <strong>{keychain.message}</strong>
        {keychain.state === 'unavailable' && <div>Your accounts show their cached data; live calls to the vendors stay off until fleetdesk can read their secrets. fleetdesk never keeps secrets anywhere else.</div>}
      </div>
      {keychain.state === 'unavailable' && (
        <button
          className="btn"
          onClick={() =>
            void retry().then(() => {
              if (useConnections.getState().list?.keychain.state !== 'ok') toast('The keychain still cannot be read: see the message above.', 'bad');
            })
          }
        >
          Retry
        </button>
      )}
    </div>
  );
}

function ConnectionTable({
  title,
  connections,
  freshness,
  tests,
  keychainProblem,
  onEdit,
  onRemove,
}: {
  title: string;
  connections: ConnectionView[];
  freshness: VendorFreshness[];
  tests: Record<string, TestResult | 'running'>;
  keychainProblem: string | null;
  onEdit: (c: ConnectionView) => void;
  onRemove: (c: ConnectionView) => void;
}) {
  return (
    <table className="plain connections" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>Account</th>
          <th>Address</th>
          <th>Devices</th>
          <th>Data as of</th>
          <th>State</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {connections.map((c) => (
          <ConnectionRow key={c.id} connection={c} freshness={freshness.find((f) => f.connectionId === c.id) ?? null} test={tests[c.id] ?? null} keychainProblem={keychainProblem} onEdit={() => onEdit(c)} onRemove={() => onRemove(c)} />
        ))}
      </tbody>
    </table>
  );
}
