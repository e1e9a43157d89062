import type { ReactNode } from 'react';
import type { DeviceRow } from '../../../shared/ipc/channels/fleet';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import { VendorBadges } from '../../components/VendorBadges';
import type { SortColumn } from './search-store';

export interface Column {
  id: string;
  label: string;
  width: string;
  sort?: SortColumn;
  render(row: DeviceRow): ReactNode;
}

export function StatusCell({ row }: { row: DeviceRow }) {
  if (row.stolen) return <Badge tone="bad">stolen</Badge>;
  if (!row.status) return <span className="muted">—</span>;
  return <Badge tone={row.status === 'active' ? 'good' : 'warn'}>{row.status}</Badge>;
}

export const COLUMNS: Column[] = [
  {
    id: 'name',
    label: 'Name',
    width: 'minmax(140px, 1.3fr)',
    sort: 'name',
    render: (r) => (
      <>
        {r.name}
        {r.conflicts > 0 && (
          <span className="conflict-mark" title="Vendors disagree about this device; see the details">
            {' '}
            ⚠
          </span>
        )}
      </>
    ),
  },
  { id: 'serial', label: 'Serial', width: 'minmax(100px, 0.9fr)', sort: 'serial', render: (r) => <span className="mono">{r.serial ?? '—'}</span> },
  { id: 'user', label: 'User', width: 'minmax(120px, 1.2fr)', sort: 'user', render: (r) => r.user ?? <span className="muted">—</span> },
  { id: 'status', label: 'Status', width: '76px', sort: 'status', render: (r) => <StatusCell row={r} /> },
  { id: 'lastSeen', label: 'Last seen', width: '82px', sort: 'lastSeen', render: (r) => <RelativeTime iso={r.lastSeen} empty="—" /> },
  { id: 'vendors', label: 'Vendors', width: '104px', sort: 'vendors', render: (r) => <VendorBadges present={r.vendors} /> },
  { id: 'groups', label: 'Groups', width: 'minmax(80px, 0.8fr)', render: (r) => r.groups.join(', ') || <span className="muted">—</span> },
  { id: 'owners', label: 'Owner / customers', width: 'minmax(120px, 1fr)', render: (r) => r.owners.join(', ') || <span className="muted">—</span> },
  { id: 'esn', label: 'ESN', width: '170px', render: (r) => <span className="mono">{r.esn ?? '—'}</span> },
  { id: 'dataAsOf', label: 'Data age', width: '78px', sort: 'dataAsOf', render: (r) => <RelativeTime iso={r.dataAsOf} empty="—" /> },
];

export const DEFAULT_COLUMNS = ['name', 'serial', 'user', 'status', 'lastSeen', 'vendors', 'groups'];
