import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { ActivityEntry } from '../../shared/ipc/channels/ops';

export interface ActivityFilter {
  device?: string;
  vendor?: string;
  action?: string;
  /** Instants (ISO): from inclusive, to exclusive. The renderer turns the user's local days into these. */
  from?: string;
  to?: string;
}

const CSV_FIELDS: Array<keyof ActivityEntry> = ['at', 'osUser', 'vendor', 'connection', 'connectionId', 'plan', 'action', 'device', 'deviceKey', 'result', 'reason', 'runId'];
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Every change fleetdesk applied, one line per device and result, appended
 * and never rewritten. Entries are built from typed fields only (ids, names,
 * results), so no secret can end up here.
 */
export class ActivityLog {
  private readonly osUser: string;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    let user = 'unknown';
    try {
      user = userInfo().username;
    } catch {
      /* no passwd entry (containers) */
    }
    this.osUser = user;
  }

  append(entries: Array<Omit<ActivityEntry, 'id' | 'osUser' | 'at'>>): void {
    if (!entries.length) return;
    const at = new Date().toISOString();
    const lines = entries.map((e, i) => JSON.stringify({ id: `${at}-${i}`, at, osUser: this.osUser, ...e } satisfies ActivityEntry)).join('\n');
    appendFileSync(this.path, `${lines}\n`, { mode: 0o600 });
  }

  all(filter: ActivityFilter = {}): ActivityEntry[] {
    if (!existsSync(this.path)) return [];
    const device = filter.device?.toLowerCase();
    const action = filter.action?.toLowerCase();
    const out: ActivityEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let e: ActivityEntry;
      try {
        e = JSON.parse(line) as ActivityEntry;
      } catch {
        continue; // a torn last line after a crash
      }
      if (device && !`${e.device} ${e.deviceKey ?? ''}`.toLowerCase().includes(device)) continue;
      if (filter.vendor && e.vendor !== filter.vendor) continue;
      if (action && !e.action.toLowerCase().includes(action)) continue;
      if (filter.from && e.at < filter.from) continue;
      if (filter.to && e.at >= filter.to) continue;
      out.push(e);
    }
    return out.reverse();
  }

  exportCsv(filter: ActivityFilter): string {
    return [CSV_FIELDS.join(','), ...this.all(filter).map((e) => CSV_FIELDS.map((f) => csvCell(e[f])).join(','))].join('\r\n') + '\r\n';
  }
}
