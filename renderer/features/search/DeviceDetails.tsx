import { useEffect, useState } from 'react';
import type { FleetDevice, VendorFreshness } from '../../../shared/model';
import { OPEN_END } from '../../../shared/model';
import type { VendorId } from '../../../shared/vendors';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';

function Kv({ rows }: { rows: Array<[string, React.ReactNode]> }) {
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v ?? <span className="muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

const when = (iso: string | null) => (iso && iso !== OPEN_END ? new Date(iso).toLocaleString() : 'current');

function vendorRows(device: FleetDevice, vendor: VendorId): Array<[string, React.ReactNode]> | null {
  switch (vendor) {
    case 'absolute': {
      const a = device.absolute;
      if (!a) return null;
      const status = { A: 'active', I: 'inactive', D: 'disabled' }[a.agentStatus];
      return [
        ['System name', a.systemName],
        ['Serial', <span className="mono">{a.serial}</span>],
        ['ESN', <span className="mono">{a.esn}</span>],
        ['Device UID', <span className="mono">{a.deviceUid}</span>],
        ['User', a.username],
        ['Agent', a.isStolen ? <Badge tone="bad">stolen</Badge> : <Badge tone={a.agentStatus === 'A' ? 'good' : 'warn'}>{status}</Badge>],
        ['Last connected', <RelativeTime iso={a.lastConnectedUtc} />],
        ['Policy group', a.policyGroupName],
      ];
    }
    case 'insiders': {
      const d = device.insiders;
      if (!d) return null;
      const current = d.ownerships.filter((o) => o.endTime === null);
      return [
        ['Device', `${d.deviceName} (#${d.deviceId})`],
        ['Serial', <span className="mono">{d.serialNumber}</span>],
        ['Ownership spans', d.ownerships.length],
        ['Current', current.length ? current.map((o) => `manager ${o.manager} since ${when(o.startTime)}`).join('; ') : <Badge tone="warn">no current owner</Badge>],
      ];
    }
    case 'telemetron': {
      const t = device.telemetron;
      if (!t) return null;
      return [
        ['Identifier', <span className="mono">{t.identifier}</span>],
        ['Customers', t.customers.join(', ') || '—'],
      ];
    }
    case 'algosec': {
      const g = device.algosec;
      if (!g) return null;
      return [
        ['Name', g.name],
        ['Display name', g.displayName],
        ['Brand', g.brand],
        ['Groups', g.groups.join(', ') || '—'],
      ];
    }
  }
}

/** Every vendor's record of the focused device, side by side, with disagreements called out. */
export function DeviceDetails({ deviceKey }: { deviceKey: string | null }) {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [data, setData] = useState<{ device: FleetDevice | null; freshness: VendorFreshness[] } | null>(null);
  useEffect(() => {
    if (!deviceKey) return;
    let live = true;
    void api['fleet:device']({ key: deviceKey }).then((r) => live && r.ok && setData(r.value));
    return () => {
      live = false;
    };
  }, [deviceKey, fleetVersion]);
  const device = deviceKey ? data?.device : null;
  if (!device) return <div className="panel-body muted">Select a device to see what every vendor knows about it.</div>;
  return (
    <div className="panel-body details">
      <h2>{device.name}</h2>
      {device.conflicts.map((c) => (
        <div key={c.field} className="banner banner-warn">
          Vendors disagree on {c.field}: {c.values.map((v) => `${VENDOR_NAMES[v.vendor]} “${v.value}”`).join(', ')}
        </div>
      ))}
      {(['absolute', 'insiders', 'telemetron', 'algosec'] as const).map((v) => {
        const rows = vendorRows(device, v);
        const record = device[v];
        const asOf = data?.freshness.find((f) => f.connectionId === record?.connectionId)?.asOf;
        return (
          <section key={v} className="vendor-section">
            <h3>
              {VENDOR_NAMES[v]} {rows && asOf && <span className="muted">· as of <RelativeTime iso={asOf} /></span>}
            </h3>
            {rows ? <Kv rows={rows} /> : <p className="muted">Not found at {VENDOR_NAMES[v]}.</p>}
          </section>
        );
      })}
    </div>
  );
}
