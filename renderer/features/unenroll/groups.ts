import type { UnenrollGroup } from '../../../shared/ipc/channels/unenroll';

/** How each review group is titled and explained; only "eligible" starts checked. */
export const GROUP_INFO: Record<UnenrollGroup, { title: string; explain: string; tone: 'good' | 'warn' | 'bad' | 'neutral'; checked: boolean }> = {
  eligible: { title: 'Eligible', explain: 'Active agent, not stolen: Absolute should unenroll these.', tone: 'good', checked: true },
  stale: { title: 'Data too old to trust', explain: 'Looked eligible at the last sync, but that was too long ago. Refresh them first.', tone: 'warn', checked: false },
  inactive: { title: 'Inactive or disabled (status 1)', explain: 'Absolute will refuse these; they stay enrolled.', tone: 'warn', checked: false },
  stolen: { title: 'Stolen (status 2)', explain: 'Reported stolen: Absolute will refuse these.', tone: 'bad', checked: false },
  'not-in-absolute': { title: 'Not found in Absolute', explain: 'These devices are not in any Absolute account in the cache.', tone: 'neutral', checked: false },
};

export const GROUP_ORDER: UnenrollGroup[] = ['eligible', 'stale', 'inactive', 'stolen', 'not-in-absolute'];
