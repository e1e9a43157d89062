import type { UnenrollReview, UnenrollRow } from '../../../shared/ipc/channels/unenroll';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import { GROUP_INFO, GROUP_ORDER } from './groups';

/** The review, grouped by predicted outcome; rows and whole groups can be unchecked. */
export function ReviewTable({
  rows,
  accounts,
  checked,
  onToggle,
}: {
  rows: UnenrollRow[];
  /** Set when the devices span several Absolute accounts: each row then names its account. */
  accounts: UnenrollReview['accounts'] | null;
  checked: Set<string>;
  onToggle: (keys: string[], on: boolean) => void;
}) {
  const accountOf = (id: string | null) => accounts?.find((a) => a.connectionId === id)?.label ?? '—';
  return (
    <div className="review-groups">
      {GROUP_ORDER.map((g) => {
        const inGroup = rows.filter((r) => r.group === g);
        if (!inGroup.length) return null;
        const info = GROUP_INFO[g];
        const sendable = inGroup.filter((r) => r.deviceUid);
        const all = sendable.length > 0 && sendable.every((r) => checked.has(r.key));
        return (
          <section key={g} className="review-group" aria-label={info.title}>
            <header className="review-group-header">
              <label>
                <input type="checkbox" checked={all} disabled={!sendable.length} onChange={(e) => onToggle(sendable.map((r) => r.key), e.target.checked)} aria-label={`Select all ${info.title}`} />{' '}
                <Badge tone={info.tone}>{inGroup.length}</Badge> <strong>{info.title}</strong>
              </label>
              <span className="muted">{info.explain}</span>
            </header>
            <table className="plain">
              <thead>
                <tr>
                  <th />
                  <th>Device</th>
                  {accounts && <th>Account</th>}
                  <th>Serial</th>
                  <th>ESN</th>
                  <th>User</th>
                  <th>Last seen</th>
                  <th>Why</th>
                  <th>Data as of</th>
                </tr>
              </thead>
              <tbody>
                {inGroup.map((r) => (
                  <tr key={r.key} className={checked.has(r.key) ? 'row-checked' : ''}>
                    <td>
                      <input type="checkbox" aria-label={`Unenroll ${r.name}`} disabled={!r.deviceUid} checked={checked.has(r.key)} onChange={(e) => onToggle([r.key], e.target.checked)} />
                    </td>
                    <td>{r.systemName ?? r.name}</td>
                    {accounts && <td>{accountOf(r.connectionId)}</td>}
                    <td className="mono">{r.serial ?? '—'}</td>
                    <td className="mono">{r.esn ?? '—'}</td>
                    <td>{r.username ?? '—'}</td>
                    <td>
                      <RelativeTime iso={r.lastSeen} empty="—" />
                    </td>
                    <td>{r.reason}</td>
                    <td>
                      <RelativeTime iso={r.dataAsOf} empty="never" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
