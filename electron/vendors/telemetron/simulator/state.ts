import type { TelemetronSeed, TelemetronSeedCustomer } from '../../demo-fleet/seed-types';
import { namePrefix, normalizeEmail } from '../email';

export interface SimDevice {
  id: string;
  identifier: string;
  type: string;
}

/** The simulator's live Telemetron data: customers by email and id, devices by identifier. */
export class TelemetronSimState {
  readonly customersByEmail = new Map<string, TelemetronSeedCustomer>();
  readonly customersById = new Map<string, TelemetronSeedCustomer>();
  readonly devices = new Map<string, SimDevice>();
  private readonly deviceIds = new Set<string>();
  private counter = 0;
  /** Fault switch: assigns of these identifiers still to answer 500 (see failNextAssigns). */
  private readonly assignFaults = new Map<string, number>();

  constructor(seed: TelemetronSeed) {
    for (const d of seed.devices) {
      this.devices.set(d.identifier, { ...d });
      this.deviceIds.add(d.id);
    }
    for (const c of seed.customers) this.addCustomer({ ...c, email: normalizeEmail(c.email), devices: [...c.devices] });
  }

  customer(email: string): TelemetronSeedCustomer | undefined {
    return this.customersByEmail.get(normalizeEmail(email));
  }

  /** Creates a customer; the name defaults to the email prefix, as Telemetron does. */
  createCustomer(email: string, name?: string): TelemetronSeedCustomer {
    const normalized = normalizeEmail(email);
    const c: TelemetronSeedCustomer = { id: this.newId('cust', (id) => this.customersById.has(id)), email: normalized, name: name ?? namePrefix(normalized), devices: [] };
    this.addCustomer(c);
    return c;
  }

  createDevice(identifier: string, type: string): SimDevice {
    const d: SimDevice = { id: this.newId('dev', (id) => this.deviceIds.has(id)), identifier, type };
    this.devices.set(identifier, d);
    this.deviceIds.add(d.id);
    return d;
  }

  /**
   * Fault switch for tests and the demo: the next `times` assigns of this
   * device answer 500 and change nothing (e.g. the second call of a transfer).
   * Each retry of the HTTP client counts as one.
   */
  failNextAssigns(identifier: string, times = 1): void {
    this.assignFaults.set(identifier, times);
  }

  /** True (and one fewer left) when this assign must fail. */
  takeAssignFault(identifier: string): boolean {
    const left = this.assignFaults.get(identifier) ?? 0;
    if (left <= 0) return false;
    if (left === 1) this.assignFaults.delete(identifier);
    else this.assignFaults.set(identifier, left - 1);
    return true;
  }

  private addCustomer(c: TelemetronSeedCustomer): void {
    this.customersByEmail.set(c.email, c);
    this.customersById.set(c.id, c);
  }

  private newId(prefix: string, isTaken: (id: string) => boolean): string {
    for (;;) {
      const id = `${prefix}_sim${(++this.counter).toString(16).padStart(9, '0')}`;
      if (!isTaken(id)) return id;
    }
  }
}
