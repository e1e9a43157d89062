import type { UnenrollReview } from '../../shared/ipc/channels/unenroll';
import type { FleetQueries } from '../fleet/fleet-queries';
import type { FleetStore } from '../fleet/fleet-store';
import { predictUnenroll } from './predict';

export interface AbsoluteAccount {
  connectionId: string;
  label: string;
  region: string;
}

/**
 * Builds the unenroll review from device keys and/or a pasted list: every
 * device with its predicted outcome; pasted entries that match nothing are
 * returned so the screen can list them.
 */
export function buildUnenrollReview(
  deps: { store: FleetStore; queries: FleetQueries; accounts: () => AbsoluteAccount[]; staleAfterHours: () => number; now?: () => number },
  request: { deviceKeys: string[]; text: string },
): UnenrollReview {
  const keys = new Set(request.deviceKeys);
  let notFound: string[] = [];
  if (request.text.trim()) {
    const matched = deps.queries.matchList(request.text);
    for (const k of matched.keys) keys.add(k);
    notFound = matched.notFound;
  }
  const stale = deps.staleAfterHours();
  const now = deps.now?.() ?? Date.now();
  const rows = [];
  for (const key of keys) {
    const device = deps.store.device(key);
    if (!device) continue;
    const a = device.absolute;
    rows.push(predictUnenroll(device, a?.connectionId ? deps.store.recordAsOf(a.connectionId, a.deviceUid) : null, stale, now));
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return { rows, notFound, accounts: deps.accounts(), staleAfterHours: stale };
}
