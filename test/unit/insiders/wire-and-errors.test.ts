import { describe, expect, it } from 'vitest';
import { oauthErrorCode, readInsidersError } from '../../../electron/vendors/insiders/errors';
import { toEndTime, toOwnership } from '../../../electron/vendors/insiders/wire';

describe('Insiders wire mapping', () => {
  it('treats the 2999 sentinel (any precision) and null as an open span, real dates as closed', () => {
    expect(toEndTime('2999-12-31T23:59:59Z')).toBeNull();
    expect(toEndTime('2999-12-31T23:59:59.000000Z')).toBeNull();
    expect(toEndTime(null)).toBeNull();
    expect(toEndTime('2024-02-28T12:00:00.000000Z')).toBe('2024-02-28T12:00:00.000000Z');
  });

  it('maps an ownership to the app shape with its device', () => {
    expect(
      toOwnership({
        id: 12345678,
        start_time: '2024-01-01T06:00:00.000000Z',
        end_time: '2999-12-31T23:59:59Z',
        device: 12345,
        manager: 123,
        device_details: { id: 12345, device_name: 'a1b2c3d4e5f8', serial_number: '012345' },
      }),
    ).toEqual({ id: 12345678, startTime: '2024-01-01T06:00:00.000000Z', endTime: null, manager: 123, deviceId: 12345, deviceName: 'a1b2c3d4e5f8', serialNumber: '012345' });
  });
});

describe('Insiders error bodies', () => {
  it('reads OAuth errors as auth with the code first, so client and password faults can be told apart', () => {
    const client = readInsidersError(401, '{"error":"invalid_client"}', {});
    const grant = readInsidersError(400, '{"error":"invalid_grant","error_description":"Invalid credentials given."}', {});
    expect(client).toEqual({ vendorMessage: 'invalid_client', kind: 'auth' });
    expect(grant).toEqual({ vendorMessage: 'invalid_grant (Invalid credentials given.)', kind: 'auth' });
    expect(oauthErrorCode(client?.vendorMessage)).toBe('invalid_client');
    expect(oauthErrorCode(grant?.vendorMessage)).toBe('invalid_grant');
    expect(oauthErrorCode(undefined)).toBe('other');
  });

  it('reads DRF detail bodies; "already owned" is a conflict, other 400s keep the status kind', () => {
    expect(readInsidersError(400, '{"detail":"This device is already owned by another manager."}', {})).toEqual({
      vendorMessage: 'This device is already owned by another manager.',
      kind: 'conflict',
    });
    expect(readInsidersError(404, '{"detail":"Not found."}', {})).toEqual({ vendorMessage: 'Not found.' });
  });

  it('returns null for bodies it cannot read (HTML from a proxy, empty)', () => {
    expect(readInsidersError(502, '<html>Bad gateway</html>', {})).toBeNull();
    expect(readInsidersError(500, '', {})).toBeNull();
    expect(readInsidersError(500, '"just a string"', {})).toBeNull();
  });
});
