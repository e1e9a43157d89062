import type { ActivityEntry } from '../../../shared/ipc/channels/ops';
import { Badge } from '../../components/Badge';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { STATUS_TONE, STATUS_WORD } from '../review/item-status';

interface RunGroup {
  runId: string;
  entries: ActivityEntry[];
}

/** Entries come newest first; runs keep that order, and each run's rows read in the order they happened. */
function byRun(entries: readonly ActivityEntry[]): RunGroup[] {
  const groups: RunGroup[] = [];
  const index = new Map<string, RunGroup>();
  for (const e of entries) {
    let g = index.get(e.runId);
    if (!g) {
      g = { runId: e.runId, entries: [] };
      index.set(e.runId, g);
      groups.push(g);
    }
    g.entries.unshift(e);
  }
  return groups;
}

const unique = <T,>(values: T[]) => [...new Set(values)];

/** The activity log: one heading per applied plan (when, who, which account, what), then a row per device and result. */
export function ActivityTable({ entries }: { entries: readonly ActivityEntry[] }) {
  return (
    <table className="plain activity-table" aria-label="Activity log">
      <thead>
        <tr>
          <th>Device</th>
          <th>Action</th>
          <th>Result</th>
        </tr>
      </thead>
      {byRun(entries).map(({ runId, entries: items }) => {
        const first = items[0]!;
        const accounts = unique(items.map((e) => `${VENDOR_NAMES[e.vendor]} ${e.connection ?? e.connectionId}`));
        const counts = unique(items.map((e) => e.result)).map((r) => [r, items.filter((e) => e.result === r).length] as const);
        return (
          <tbody key={runId}>
            <tr className="run-row">
              <th colSpan={3} scope="rowgroup">
                <span className="run-when">{new Date(first.at).toLocaleString()}</span>
                <span className="muted"> · {first.osUser} · {accounts.join(', ')}</span>
                <div className="run-what">
                  <span>{first.plan ?? first.action}</span>{' '}
                  {counts.map(([result, n]) => (
                    <Badge key={result} tone={STATUS_TONE[result]}>
                      {n} {STATUS_WORD[result]}
                    </Badge>
                  ))}
                </div>
              </th>
            </tr>
            {items.map((e) => (
              <tr key={e.id}>
                <td>{e.device}</td>
                <td>{e.action}</td>
                <td>
                  <Badge tone={STATUS_TONE[e.result]}>{STATUS_WORD[e.result]}</Badge> {e.reason && <span className="muted">{e.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
