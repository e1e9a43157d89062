/**
 * The initial state each vendor simulator serves, in the vendor's own wire
 * shapes (as its API returns them). The demo fleet generator produces one of
 * each from a single set of physical devices; tests build small ones by hand.
 */

/** Absolute `GET /v2/reporting/devices` row, as sent on the wire. */
export interface AbsoluteSeedDevice {
  id: string; // deviceUid
  esn: string;
  systemName: string;
  serial: string;
  username: string;
  agentStatus: 'A' | 'I' | 'D';
  isStolen: boolean;
  lastConnectedUtc: string | null;
  policyGroupName: string | null;
}
export interface AbsoluteSeed {
  devices: AbsoluteSeedDevice[];
}

/** Insiders: devices (DRF list) and ownership spans, as sent on the wire. */
export interface InsidersSeedDevice {
  id: number;
  device_name: string;
  serial_number: string;
}
export interface InsidersSeedOwnership {
  id: number;
  start_time: string;
  end_time: string; // '2999-12-31T23:59:59Z' = open-ended
  device: number;
  manager: number;
}
export interface InsidersSeed {
  /** The manager id of the account the demo credentials log in as. */
  managerId: number;
  devices: InsidersSeedDevice[];
  ownerships: InsidersSeedOwnership[];
}

/** Telemetron: customers and the device identifiers assigned to each. */
export interface TelemetronSeedCustomer {
  id: string; // cust_...
  email: string;
  name: string;
  devices: string[]; // deviceIdentifier (the serial number)
}
export interface TelemetronSeed {
  customers: TelemetronSeedCustomer[];
  /** Devices known to Telemetron (identifier → device id and type), assigned or not. */
  devices: Array<{ id: string; identifier: string; type: string }>;
}

/** AlgoSec AFA: devices and groups (members are device display names). */
export interface AlgosecSeedDevice {
  name: string;
  display_name: string;
  brand: string;
}
export interface AlgosecSeedGroup {
  name: string;
  displayName: string;
  members: string[];
}
export interface AlgosecSeed {
  devices: AlgosecSeedDevice[];
  groups: AlgosecSeedGroup[];
}

export interface DemoFleet {
  absolute: AbsoluteSeed;
  insiders: InsidersSeed;
  telemetron: TelemetronSeed;
  algosec: AlgosecSeed;
}
