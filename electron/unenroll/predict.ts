import type { UnenrollGroup, UnenrollRow } from '../../shared/ipc/channels/unenroll';
import type { FleetDevice } from '../../shared/model';

/**
 * Predicts Absolute's eligibleStatus from the cached record: stolen devices
 * answer 2, inactive or disabled agents 1, active ones 0. Data older than the
 * staleness limit is put in its own group so it is not sent unchecked.
 */
export function predictUnenroll(device: FleetDevice, asOf: string | null, staleAfterHours: number, now: number): UnenrollRow {
  const a = device.absolute;
  const base = {
    key: device.key,
    name: device.name,
    serial: device.serial,
    esn: a?.esn ?? null,
    systemName: a?.systemName ?? null,
    username: a?.username || null,
    lastSeen: a?.lastConnectedUtc ?? null,
    deviceUid: a?.deviceUid ?? null,
    connectionId: a?.connectionId ?? null,
    dataAsOf: asOf,
  };
  if (!a) return { ...base, group: 'not-in-absolute', predicted: null, reason: 'Not found in any Absolute account in the cache.' };
  const predicted = a.isStolen ? 2 : a.agentStatus === 'A' ? 0 : 1;
  const stale = !asOf || now - Date.parse(asOf) > staleAfterHours * 3_600_000;
  let group: UnenrollGroup;
  let reason: string;
  if (predicted === 2) {
    group = 'stolen';
    reason = 'Reported stolen: Absolute refuses to unenroll it.';
  } else if (predicted === 1) {
    group = 'inactive';
    reason = `Agent ${a.agentStatus === 'I' ? 'inactive' : 'disabled'}: Absolute refuses to unenroll it.`;
  } else {
    group = 'eligible';
    reason = 'Active agent, not stolen.';
  }
  if (stale && predicted === 0) {
    group = 'stale';
    reason = `Looks eligible, but the data is older than ${staleAfterHours} h: refresh before sending.`;
  }
  return { ...base, group, predicted, reason };
}
