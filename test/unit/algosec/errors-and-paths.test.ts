import { describe, expect, it } from 'vitest';
import { algosecErrorText, readAlgosecError } from '../../../electron/vendors/algosec/errors';
import { chunkNamesForUrl, createGroupPath, groupActionPath, nameSegment } from '../../../electron/vendors/algosec/paths';
import { FleetError } from '../../../shared/errors';

describe('AlgoSec error bodies', () => {
  it('joins error, description and field errors into one sentence a technician can act on', () => {
    const body = JSON.stringify({
      error: 'Invalid device names provided',
      description: 'The following devices could not be found: [device-xyz]',
      fieldErrors: [{ field: 'deviceNames', error: 'device-xyz is not a valid device' }],
    });
    expect(readAlgosecError(400, body, {})).toEqual({
      vendorMessage: 'Invalid device names provided. The following devices could not be found: [device-xyz]. deviceNames: device-xyz is not a valid device',
    });
  });

  it('does not repeat a description equal to the error, and counts field errors beyond five', () => {
    const fieldErrors = Array.from({ length: 8 }, (_, i) => ({ field: 'deviceNames', error: `d${i} is not a valid device` }));
    const text = algosecErrorText({ error: 'Locked.', description: 'Locked', fieldErrors });
    expect(text.startsWith('Locked. deviceNames: d0 is not a valid device;')).toBe(true);
    expect(text).toContain('d4 is not a valid device; and 3 more');
    expect(text).not.toContain('d5');
  });

  it('leaves bodies that are not the AlgoSec shape to the HTTP layer', () => {
    expect(readAlgosecError(502, '<html>Bad gateway</html>', {})).toBeNull();
    expect(readAlgosecError(500, '{"message":"oops"}', {})).toBeNull();
  });
});

describe('AlgoSec paths', () => {
  it('encodes names with spaces, slashes, hashes, percent signs and commas as one segment', () => {
    expect(groupActionPath('Branch 12/East', 'removeDevices')).toBe('/afa/api/v1/groups/Branch%2012%2FEast/removeDevices');
    expect(createGroupPath('Lab #3 100%')).toBe('/afa/api/v1/groups?displayName=Lab%20%233%20100%25');
    expect(nameSegment('a,b', 'device')).toBe('a%2Cb');
  });

  it('refuses names a URL cannot carry', () => {
    for (const bad of ['', '.', '..']) expect(() => nameSegment(bad, 'group')).toThrow(FleetError);
  });

  it('chunks device names so every URL stays under 2,000 characters and no name is lost or split', () => {
    const prefix = 'https://afa.example.com/afa/api/v1/groups/devices/';
    const names = Array.from({ length: 1_000 }, (_, i) => `fw ${i}/core,${'x'.repeat(i % 40)}`);
    const chunks = chunkNamesForUrl(names, prefix);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(prefix.length + c.tail.length).toBeLessThan(2_000);
      expect(c.tail.split(',').map(decodeURIComponent)).toEqual(c.names);
    }
    expect(chunks.flatMap((c) => c.names)).toEqual(names);
  });

  it('still sends a single name that is too long on its own', () => {
    const long = 'y'.repeat(3_000);
    expect(chunkNamesForUrl(['a', long, 'b'], 'http://h/').map((c) => c.names)).toEqual([['a'], [long], ['b']]);
  });
});
