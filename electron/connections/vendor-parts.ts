import type { VendorId } from '../../shared/vendors';
import { insidersExecutor, telemetronExecutor } from '../ops/custody-executors';
import { absoluteExecutor, algosecExecutor } from '../ops/executors';
import type { Executor } from '../ops/executor';
import { absoluteSource } from '../sync/sources/absolute-source';
import { algosecSource } from '../sync/sources/algosec-source';
import { insidersSource } from '../sync/sources/insiders-source';
import { telemetronSource } from '../sync/sources/telemetron-source';
import type { SyncSource } from '../sync/types';
import type { ConnectionInfo, VendorClients } from './connections';

/** A connection with its live client, typed by vendor. */
export type LiveConnection = { [V in VendorId]: { info: ConnectionInfo & { vendor: V }; client: VendorClients[V] } }[VendorId];

/**
 * The sync source of a connection. Telemetron cannot list its customers, so
 * its source is told which customer emails to query.
 */
export function sourceFor(c: LiveConnection, telemetronCustomers: () => string[]): SyncSource {
  switch (c.info.vendor) {
    case 'absolute':
      return absoluteSource(c.info.id, c.info.label, c.client as VendorClients['absolute']);
    case 'telemetron':
      return telemetronSource(c.info.id, c.info.label, c.client as VendorClients['telemetron'], telemetronCustomers);
    case 'insiders':
      return insidersSource(c.info.id, c.info.label, c.client as VendorClients['insiders']);
    case 'algosec':
      return algosecSource(c.info.id, c.info.label, c.client as VendorClients['algosec']);
  }
}

/** The executor that applies plan steps for a connection. */
export function executorFor(c: LiveConnection): Executor {
  switch (c.info.vendor) {
    case 'absolute':
      return absoluteExecutor(c.client as VendorClients['absolute']);
    case 'algosec':
      return algosecExecutor(c.client as VendorClients['algosec']);
    case 'insiders':
      return insidersExecutor(c.client as VendorClients['insiders']);
    case 'telemetron':
      return telemetronExecutor(c.client as VendorClients['telemetron']);
  }
}
