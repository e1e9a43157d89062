import type { VendorId } from '../../shared/vendors';
import type { Executor } from '../ops/executor';
import type { SyncSource } from '../sync/types';
import type { AbsoluteClient } from '../vendors/absolute/client';
import type { AlgosecClient } from '../vendors/algosec/client';
import type { InsidersClient } from '../vendors/insiders/client';
import type { TelemetronClient } from '../vendors/telemetron/client';

/** The client type of each vendor. */
export interface VendorClients {
  absolute: AbsoluteClient;
  telemetron: TelemetronClient;
  insiders: InsidersClient;
  algosec: AlgosecClient;
}

/** One vendor account as the services see it (no secrets). */
export interface ConnectionInfo {
  id: string;
  vendor: VendorId;
  label: string;
  /** Absolute region, for the unenroll summary. */
  region?: string;
  /** A built-in demo account served by the simulators inside the app. */
  demo: boolean;
}

/**
 * The vendor accounts fleetdesk talks to. Services reach vendors only through
 * this: a connection whose credentials cannot be read has no client, no sync
 * source and no executor, and callers say so instead of failing later.
 */
export interface Connections {
  list(): ConnectionInfo[];
  get(connectionId: string): ConnectionInfo | null;
  /** The live client of one connection, or null (unknown id, another vendor, or no usable credentials). */
  client<V extends VendorId>(connectionId: string, vendor: V): VendorClients[V] | null;
  /** One sync source per connection that can be reached. */
  sources(): SyncSource[];
  executorFor(connectionId: string): Executor | null;
}
