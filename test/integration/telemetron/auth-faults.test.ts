import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../helpers/failure';
import { startTelemetronSimulator, type TelemetronSimulator } from '../../../electron/vendors/telemetron/simulator';
import { clientFor, dice, smallSeed } from './fixtures';
import { reportingWaits } from '../../../electron/http/wait-reports';

const QUERY = 'POST /api/ext-v1/customer/queryCustomer';

describe('Telemetron API key and faults over real HTTP', () => {
  let sim: TelemetronSimulator;
  afterEach(() => sim.close());

  it('testConnection passes with the right key', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed() });
    await expect(clientFor(sim).testConnection()).resolves.toBeUndefined();
    expect(sim.requests.get(QUERY)).toBe(1);
  });

  it('a wrong key is an auth error that says "API key", without the key in it', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed() });
    const err = await failure(clientFor(sim, 'wrong-key-0000-1111').testConnection());
    expect(err).toMatchObject({ kind: 'auth', status: 401, vendor: 'telemetron', vendorMessage: 'Invalid or missing API key' });
    expect(err.message).toBe('Telemetron refused the API key of this connection. Check the key in the connection settings.');
    expect(JSON.stringify(err)).not.toContain('wrong-key-0000-1111');
  });

  it('a missing key is refused too (every endpoint checks it)', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed() });
    const err = await failure(clientFor(sim, '').assignDeviceToOwners({ deviceIdentifier: 'GW-0001', customerEmails: ['a@b.co'] }));
    expect(err.kind).toBe('auth');
    expect(sim.state.customer('a@b.co')).toBeUndefined();
  });

  it('a key rotated at the vendor "underneath" the app turns the next call into an auth error', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed() });
    const client = clientFor(sim);
    await client.testConnection();
    sim.credentials.apiKey = 'rotated-key-2222';
    expect((await failure(client.queryCustomer('john.doe@example.com'))).kind).toBe('auth');
  });

  it('waits out a 429 with Retry-After on a read and then answers', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed(), faults: { rate429: 0.5 }, random: dice(0.01) });
    const waits: Array<{ status: number | null; waitMs: number }> = [];
    const answer = await reportingWaits(({ status, waitMs }) => waits.push({ status, waitMs }), () => clientFor(sim).queryCustomer('jane.smith@example.com'));
    expect(answer?.id).toBe('cust_444555666');
    expect(waits).toEqual([{ status: 429, waitMs: 1000 }]);
    expect(sim.requests.get(QUERY)).toBe(2);
  });

  it('a 500 on an assignment is retried (assigning is idempotent) and applied once', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed(), faults: { rate500: 0.5 }, random: dice(0.01) });
    const r = await clientFor(sim).assignDeviceToOwners({ deviceIdentifier: 'SN-99999-ZZZZZ', customerEmails: ['jane.smith@example.com'] });
    expect(r.assignedCustomers).toHaveLength(1);
    expect(sim.state.customer('jane.smith@example.com')?.devices).toEqual(['GW-0001', 'SN-99999-ZZZZZ']);
    expect(sim.requests.get('POST /api/ext-v1/deviceAssignment/assignDeviceToOwners')).toBe(2);
  });

  it('a 500 on an unassignment is NOT re-sent blindly; the user sees the server error', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed(), faults: { rate500: 0.5 }, random: dice(0.01) });
    const err = await failure(clientFor(sim).unassignDeviceFromOwner({ deviceIdentifier: 'GW-0001', customerEmail: 'jane.smith@example.com' }));
    expect(err).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(err.message).toBe('Telemetron had an internal error: Internal Server Error');
    expect(sim.requests.get('POST /api/ext-v1/deviceAssignment/unassignDeviceFromOwner')).toBe(1);
  });

  it('a cut-short (malformed JSON) answer is a bad-response, not a crash', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed(), faults: { malformedRate: 1 } });
    const err = await failure(clientFor(sim).queryCustomer('john.doe@example.com'));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/^Telemetron sent a customer that is not valid JSON/);
  });

  it('a customer answer of the wrong shape is a bad-response naming the field', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed() });
    (sim.state.customer('john.doe@example.com')?.devices as unknown[]).push(42);
    const err = await failure(clientFor(sim).listAssignments(['john.doe@example.com']));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/Telemetron sent a customer in an unexpected shape \(devices\.2/);
  });

  it('listAssignments can be cancelled', async () => {
    sim = await startTelemetronSimulator({ seed: smallSeed(), faults: { latencyMs: 200 } });
    const ctrl = new AbortController();
    const p = clientFor(sim).listAssignments(['john.doe@example.com', 'jane.smith@example.com'], { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    expect((await failure(p)).kind).toBe('cancelled');
  });
});
