import { describe, expect, it } from 'vitest';
import { isValidEmail, normalizeEmail } from '../../../electron/vendors/telemetron/client';
import { namePrefix } from '../../../electron/vendors/telemetron/email';
import { readTelemetronError } from '../../../electron/vendors/telemetron/errors';
import { CustomerWireSchema, unwrapCustomer } from '../../../electron/vendors/telemetron/inferred';

describe('Telemetron email rule (shared by client and simulator)', () => {
  it('accepts addresses after trimming and lowercasing', () => {
    expect(isValidEmail('  John.Doe@Example.COM ')).toBe(true);
    expect(normalizeEmail('  John.Doe@Example.COM ')).toBe('john.doe@example.com');
    expect(isValidEmail('a+tag@sub.example.co')).toBe(true);
  });

  it('rejects what Telemetron would skip', () => {
    for (const bad of ['', 'john', 'john@', '@example.com', 'john@example', 'jo hn@example.com', 'a@b@c.com', 'john@.com', 'john@example.']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('names auto-created customers by the email prefix', () => {
    expect(namePrefix(' New.Owner@Example.com')).toBe('new.owner');
  });
});

describe('Telemetron bodies', () => {
  it('reads {"error"} bodies and ignores anything else', () => {
    expect(readTelemetronError(404, '{"error":"Device not found"}', {})).toEqual({ vendorMessage: 'Device not found' });
    expect(readTelemetronError(502, '<html>gateway</html>', {})).toBeNull();
    expect(readTelemetronError(500, '{"message":"x"}', {})).toBeNull();
  });

  it('accepts a wrapped or a bare customer, with devices as identifiers or records', () => {
    const bare = { id: 'cust_1', email: 'a@b.co', name: 'a', devices: ['SN-1', { identifier: 'SN-2' }, { deviceIdentifier: 'SN-3' }] };
    expect(CustomerWireSchema.parse(unwrapCustomer({ success: true, customer: bare })).devices).toEqual(['SN-1', 'SN-2', 'SN-3']);
    expect(CustomerWireSchema.parse(unwrapCustomer(bare)).id).toBe('cust_1');
    expect(CustomerWireSchema.safeParse(unwrapCustomer({ success: true })).success).toBe(false);
  });
});
