import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { startTelemetronSimulator, type TelemetronSimulator } from '../../../electron/vendors/telemetron/simulator';
import type { TelemetronClient } from '../../../electron/vendors/telemetron/client';
import { clientFor, smallSeed } from './fixtures';

describe('Telemetron assignments over real HTTP', () => {
  let sim: TelemetronSimulator;
  let client: TelemetronClient;

  beforeEach(async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed() });
    client = clientFor(sim);
  });
  afterEach(() => sim.close());

  it('queries a customer with its devices (email trimmed and lowercased), and null for an unknown one', async () => {
    expect(await client.queryCustomer('  John.Doe@Example.com ')).toEqual({
      id: 'cust_111222333',
      email: 'john.doe@example.com',
      name: 'John Doe',
      devices: ['SN-12345-ABCDE', 'GW-0001'],
    });
    expect(await client.queryCustomer('nobody@example.com')).toBeNull();
    expect((await client.getCustomer('cust_444555666')).email).toBe('jane.smith@example.com');
  });

  it('assigns an existing device to an existing and a new customer (created with the email prefix as name)', async () => {
    const r = await client.assignDeviceToOwners({ deviceIdentifier: 'SN-99999-ZZZZZ', customerEmails: ['john.doe@example.com', ' New.Owner@Example.com '] });
    expect(r.deviceId).toBe('dev_sensor9');
    expect(r.deviceWasCreated).toBe(false);
    expect(r.assignedCustomers).toEqual([
      { email: 'john.doe@example.com', customerId: 'cust_111222333', wasCreated: false },
      { email: 'new.owner@example.com', customerId: expect.stringMatching(/^cust_/), wasCreated: true },
    ]);
    expect(sim.state.customer('new.owner@example.com')).toMatchObject({ name: 'new.owner', devices: ['SN-99999-ZZZZZ'] });
    expect(sim.state.customer('john.doe@example.com')?.devices).toContain('SN-99999-ZZZZZ');
  });

  it('skips invalid emails but assigns the valid ones', async () => {
    const r = await client.assignDeviceToOwners({ deviceIdentifier: 'GW-0001', customerEmails: ['not-an-email', 'jane.smith@example.com'] });
    expect(r.assignedCustomers.map((c) => c.email)).toEqual(['jane.smith@example.com']);
    expect(sim.state.customersByEmail.has('not-an-email')).toBe(false);
  });

  it('re-assigning is idempotent: no duplicate device on the customer', async () => {
    await client.assignDeviceToOwners({ deviceIdentifier: 'GW-0001', customerEmails: ['jane.smith@example.com'] });
    await client.assignDeviceToOwners({ deviceIdentifier: 'GW-0001', customerEmails: ['JANE.SMITH@example.com'] });
    expect(sim.state.customer('jane.smith@example.com')?.devices).toEqual(['GW-0001']);
  });

  it('auto-creates an unknown device when asked, with its type', async () => {
    const r = await client.assignDeviceToOwners({ deviceIdentifier: 'SN-67890-FGHIJ', customerEmails: ['john.doe@example.com'], autoCreateDevice: true, deviceType: 'Thermostat' });
    expect(r.deviceWasCreated).toBe(true);
    expect(sim.state.devices.get('SN-67890-FGHIJ')).toMatchObject({ id: r.deviceId, type: 'Thermostat' });
  });

  it('400 "no valid email": the user sees why nothing was assigned', async () => {
    const err = await failure(client.assignDeviceToOwners({ deviceIdentifier: 'GW-0001', customerEmails: ['bad', ' also bad@'] }));
    expect(err).toMatchObject({ kind: 'bad-request', status: 400, vendor: 'telemetron' });
    expect(err.message).toBe('Telemetron rejected the request: No valid email addresses provided');
  });

  it('400 when auto-create is asked without a device type, and nothing is created', async () => {
    const err = await failure(client.assignDeviceToOwners({ deviceIdentifier: 'NEW-1', customerEmails: ['john.doe@example.com'], autoCreateDevice: true }));
    expect(err.message).toBe('Telemetron rejected the request: deviceType is required when autoCreateDevice is true');
    expect(sim.state.devices.has('NEW-1')).toBe(false);
  });

  it('404 "Device not found" for an unknown device without auto-create; no customer is created either', async () => {
    const err = await failure(client.assignDeviceToOwners({ deviceIdentifier: 'NOPE-1', customerEmails: ['someone.new@example.com'] }));
    expect(err).toMatchObject({ kind: 'not-found', status: 404 });
    expect(err.message).toBe('Telemetron could not find it: Device not found');
    expect(sim.state.customer('someone.new@example.com')).toBeUndefined();
  });

  it('unassigns a device and reports the customer’s remaining devices', async () => {
    const r = await client.unassignDeviceFromOwner({ deviceIdentifier: 'GW-0001', customerEmail: 'john.doe@example.com' });
    expect(r).toEqual({ customerId: 'cust_111222333', devicesRemaining: ['SN-12345-ABCDE'] });
    // Both records stay; only the link is gone.
    expect(sim.state.devices.has('GW-0001')).toBe(true);
    expect(sim.state.customer('jane.smith@example.com')?.devices).toEqual(['GW-0001']);
  });

  it('unassign errors: 400 not assigned, 404 unknown customer, 400 invalid email', async () => {
    const notAssigned = await failure(client.unassignDeviceFromOwner({ deviceIdentifier: 'SN-99999-ZZZZZ', customerEmail: 'john.doe@example.com' }));
    expect(notAssigned.message).toBe('Telemetron rejected the request: Device is not assigned to this customer');

    const unknown = await failure(client.unassignDeviceFromOwner({ deviceIdentifier: 'GW-0001', customerEmail: 'ghost@example.com' }));
    expect(unknown).toMatchObject({ kind: 'not-found', status: 404 });
    expect(unknown.message).toBe('Telemetron could not find it: Customer not found');

    const invalid = await failure(client.unassignDeviceFromOwner({ deviceIdentifier: 'GW-0001', customerEmail: 'john.doe' }));
    expect(invalid.message).toBe('Telemetron rejected the request: Invalid email format');
  });

  it('transfer: unassign from the old owner, then assign to the new one', async () => {
    await client.unassignDeviceFromOwner({ deviceIdentifier: 'SN-12345-ABCDE', customerEmail: 'john.doe@example.com' });
    const r = await client.assignDeviceToOwners({ deviceIdentifier: 'SN-12345-ABCDE', customerEmails: ['jane.smith@example.com'] });
    expect(r.assignedCustomers).toEqual([{ email: 'jane.smith@example.com', customerId: 'cust_444555666', wasCreated: false }]);
    const { devices } = await client.listAssignments(['john.doe@example.com', 'jane.smith@example.com']);
    expect(devices.find((d) => d.identifier === 'SN-12345-ABCDE')?.customers).toEqual(['jane.smith@example.com']);
  });

  it('creates a customer, and a second create of the same email is a conflict (409)', async () => {
    const c = await client.createOrUpdateCustomer({ email: 'Fresh@Example.com', name: 'Fresh Person' });
    expect(c).toEqual({ id: expect.stringMatching(/^cust_/), email: 'fresh@example.com' });
    expect(sim.state.customer('fresh@example.com')?.name).toBe('Fresh Person');
    const err = await failure(client.createOrUpdateCustomer({ email: 'fresh@example.com' }));
    expect(err).toMatchObject({ kind: 'conflict', status: 409 });
    expect(err.message).toBe('Telemetron reports a conflict: Customer with this email already exists');
  });

  it('lists assignments per device across customers, with unknown and invalid customers reported missing', async () => {
    const seen: string[] = [];
    const r = await client.listAssignments(['john.doe@example.com', 'JANE.SMITH@example.com', 'ghost@example.com', 'broken'], {
      onCustomer: ({ done, total }) => seen.push(`${done}/${total}`),
    });
    expect(r.devices).toEqual([
      { identifier: 'SN-12345-ABCDE', customers: ['john.doe@example.com'] },
      { identifier: 'GW-0001', customers: ['john.doe@example.com', 'jane.smith@example.com'] },
    ]);
    expect(r.missingCustomers).toEqual(['ghost@example.com', 'broken']);
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    // The invalid address is never sent.
    expect(sim.requests.get('POST /api/ext-v1/customer/queryCustomer')).toBe(3);
  });
});
