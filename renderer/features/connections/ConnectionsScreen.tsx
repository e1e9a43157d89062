import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { RelativeTime } from '../../components/RelativeTime';
import { ScreenHeader } from '../../components/ScreenHeader';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';

/** The vendor accounts fleetdesk reads: what each holds, how fresh it is, and a sync button per account. */
export function ConnectionsScreen() {
  const status = useApp((s) => s.status);
  const demo = useApp((s) => s.info?.demo);
  const sync = useApp((s) => s.sync);
  return (
    <section className="screen scroll">
      <ScreenHeader title="Connections">
        <button className="btn" onClick={() => void api['sync:start']({})}>
          Sync all now
        </button>
      </ScreenHeader>
      {demo && (
        <div className="banner banner-info">
          <div className="banner-text">
            <strong>You are on the demo fleet.</strong> These four accounts are local simulators started by fleetdesk, so every screen works without a vendor account; changes you apply really go to them. Adding your own accounts, with secrets kept in the system keychain, is coming in the next version.
          </div>
        </div>
      )}
      {!status?.freshness.length ? (
        <EmptyState title="No connections">Connect a vendor account to see its devices.</EmptyState>
      ) : (
        <table className="plain" aria-label="Connections">
          <thead>
            <tr>
              <th>Vendor</th>
              <th>Account</th>
              <th>Devices</th>
              <th>Data as of</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {status.freshness.map((f) => {
              const running = sync[f.connectionId];
              return (
                <tr key={f.connectionId}>
                  <td>{VENDOR_NAMES[f.vendor]}</td>
                  <td className="mono">{f.connectionId}</td>
                  <td>{f.deviceCount.toLocaleString()}</td>
                  <td>
                    <RelativeTime iso={f.asOf} empty="never synced" />
                  </td>
                  <td>
                    {running && running.phase !== 'failed' ? (
                      <Badge tone="info">syncing {running.items.toLocaleString()}</Badge>
                    ) : f.lastError ? (
                      <span>
                        <Badge tone="bad">last sync failed</Badge> <span className="muted">{f.lastError}</span>
                      </span>
                    ) : (
                      <Badge tone="good">ok</Badge>
                    )}
                  </td>
                  <td>
                    <button className="btn btn-small" onClick={() => void api['sync:start']({ connectionId: f.connectionId })}>
                      Sync now
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
