import { useState, type KeyboardEvent } from 'react';
import type { ConnectionView, TestResult } from '../../../shared/connections';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { VendorFreshness } from '../../../shared/model';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import { toast } from '../../components/Toasts';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useConnections } from './connections-store';
import { TestResultView } from './TestResultView';

/** Where a connection points and as whom, from its non-secret settings. */
function addressOf(c: ConnectionView): { where: string; who: string } {
  const s = c.settings as Record<string, string | undefined>;
  const host = (url: string | undefined) => {
    try {
      return url ? new URL(url).host : '';
    } catch {
      return url ?? '';
    }
  };
  switch (c.vendor) {
    case 'absolute':
      return { where: s.baseUrl ? host(s.baseUrl) : `region ${s.region ?? ''}`, who: s.tokenId ? `token ${s.tokenId}` : '' };
    case 'telemetron':
      return { where: host(s.baseUrl), who: `${(c.settings.customerEmails as string[] | undefined)?.length ?? 0} customers watched` };
    case 'insiders':
      return { where: host(s.baseUrl) || 'api.insiders.live', who: s.username ?? '' };
    case 'algosec':
      return { where: host(s.host), who: [s.username, c.pinnedCertSha256 ? 'certificate pinned' : ''].filter(Boolean).join(' · ') };
  }
}

/** One account: what it holds, how fresh, whether it can reach its vendor; test, sync, rename, edit, remove. */
export function ConnectionRow({
  connection: c,
  freshness,
  test,
  keychainProblem,
  onEdit,
  onRemove,
}: {
  connection: ConnectionView;
  freshness: VendorFreshness | null;
  test: TestResult | 'running' | null;
  /** The keychain-wide problem, already explained above the list (rows then say it in short). */
  keychainProblem: string | null;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const running = useApp((s) => s.sync[c.id]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const { where, who } = c.demo ? { where: 'simulator on this computer', who: 'demo account' } : addressOf(c);

  const rename = async () => {
    const label = renaming?.trim();
    setRenaming(null);
    if (!label || label === c.label) return;
    const r = await api['connections:save']({ vendor: c.vendor, id: c.id, label, settings: c.settings, secrets: {} } as RequestOf<'connections:save'>);
    if (!r.ok) toast(r.error.message, 'bad');
  };
  const onRenameKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') void rename();
    if (e.key === 'Escape') setRenaming(null);
  };

  return (
    <>
      <tr className={c.problem ? 'row-problem' : undefined}>
        <td>
          {renaming !== null ? (
            <input type="text" autoFocus aria-label={`New name for ${c.label}`} value={renaming} maxLength={80} onChange={(e) => setRenaming(e.target.value)} onKeyDown={onRenameKey} onBlur={() => void rename()} />
          ) : (
            <strong>{c.label}</strong>
          )}
          <div className="muted small">
            {VENDOR_NAMES[c.vendor]} {c.demo && <Badge tone="warn">Demo</Badge>}
          </div>
        </td>
        <td>
          <span className="mono">{where}</span>
          <div className="muted small">{who}</div>
        </td>
        <td>{(freshness?.deviceCount ?? 0).toLocaleString()}</td>
        <td>
          <RelativeTime iso={freshness?.asOf} empty="never synced" />
        </td>
        <td className="state">
          {c.problem ? (
            <>
              <Badge tone="bad">cannot connect</Badge> <span className="muted">{c.problem === keychainProblem ? 'Its secrets cannot be read from the keychain now (see above).' : c.problem}</span>
            </>
          ) : running && running.phase !== 'failed' ? (
            <Badge tone="info">syncing {running.items.toLocaleString()}</Badge>
          ) : freshness?.lastError ? (
            <>
              <Badge tone="bad">last sync failed</Badge> <span className="muted">{freshness.lastError}</span>
            </>
          ) : c.demo || c.verifiedAt ? (
            <Badge tone="good" title={c.verifiedAt ? `Last tested ${new Date(c.verifiedAt).toLocaleString()}` : undefined}>
              {c.demo ? 'ok' : 'verified'}
            </Badge>
          ) : (
            <Badge tone="neutral">not tested yet</Badge>
          )}
        </td>
        <td className="actions">
          <button className="btn btn-small" disabled={test === 'running'} onClick={() => void useConnections.getState().test(c.id)}>
            Test
          </button>
          <button className="btn btn-small" disabled={!c.live} onClick={() => void api['sync:start']({ connectionId: c.id })}>
            Sync now
          </button>
          {!c.demo && (
            <>
              <button className="btn btn-small" onClick={() => setRenaming(c.label)} aria-label={`Rename ${c.label}`}>
                Rename
              </button>
              <button className="btn btn-small" onClick={onEdit} aria-label={`Edit ${c.label}`}>
                Edit
              </button>
              <button className="btn btn-small" onClick={onRemove} aria-label={`Remove ${c.label}`}>
                Remove
              </button>
            </>
          )}
        </td>
      </tr>
      {test && (
        <tr className="test-row">
          <td colSpan={6}>
            <TestResultView connection={c} result={test} />
          </td>
        </tr>
      )}
    </>
  );
}
