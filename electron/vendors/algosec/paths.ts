import { FleetError, appError } from '../../../shared/errors';
import { GROUPS_PATH, MAX_URL_LENGTH } from './inferred';

/**
 * One path segment for a group or device name. Names are case sensitive and
 * may hold spaces, '/', '#', '%' or ',': all are percent-encoded. "." and ".."
 * cannot be sent at all (URLs resolve them as directories, even encoded).
 */
export function nameSegment(name: string, what: 'group' | 'device'): string {
  if (name === '' || name === '.' || name === '..') {
    throw new FleetError(
      appError('bad-request', `AlgoSec cannot address a ${what} named "${name}" in a URL; rename it in AlgoSec first.`, { vendor: 'algosec' }),
    );
  }
  return encodeURIComponent(name);
}

export const groupPath = (group: string) => `${GROUPS_PATH}/${nameSegment(group, 'group')}`;
export const groupActionPath = (group: string, action: 'addDevices' | 'removeDevices') => `${groupPath(group)}/${action}`;
export const createGroupPath = (displayName: string) => `${GROUPS_PATH}?displayName=${nameSegment(displayName, 'group')}`;
export const groupsOfDevicesPrefix = `${GROUPS_PATH}/devices/`;

/**
 * Splits device names into comma-separated, encoded path tails so that
 * `urlPrefix + tail` stays under MAX_URL_LENGTH. A single name too long to fit
 * is still sent alone (the appliance decides), never dropped.
 */
export function chunkNamesForUrl(names: readonly string[], urlPrefix: string, maxLength = MAX_URL_LENGTH): Array<{ names: string[]; tail: string }> {
  const room = maxLength - urlPrefix.length - 1; // strictly shorter than the limit
  const chunks: Array<{ names: string[]; tail: string }> = [];
  let current: { names: string[]; tail: string } | null = null;
  for (const name of names) {
    const encoded = nameSegment(name, 'device');
    if (current && current.tail.length + 1 + encoded.length <= room) {
      current.names.push(name);
      current.tail += `,${encoded}`;
    } else {
      current = { names: [name], tail: encoded };
      chunks.push(current);
    }
  }
  return chunks;
}
