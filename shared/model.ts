import { z } from 'zod';
import { VENDORS } from './vendors';

/**
 * Each vendor's own view of a device, kept side by side in the fleet model.
 * Field names follow the app's camelCase; the clients map vendor JSON to these.
 */

/** Absolute `GET /v2/reporting/devices` row. agentStatus: A active, I inactive, D disabled. */
export const AbsoluteDeviceSchema = z.object({
  deviceUid: z.string(),
  esn: z.string(),
  systemName: z.string(),
  serial: z.string(),
  username: z.string(),
  agentStatus: z.enum(['A', 'I', 'D']),
  isStolen: z.boolean(),
  lastConnectedUtc: z.string().nullable(),
  policyGroupName: z.string().nullable(),
  /** Which configured connection (account) this record came from; set by sync. */
  connectionId: z.string().optional(),
});
export type AbsoluteDevice = z.infer<typeof AbsoluteDeviceSchema>;

/** Insiders ownership span. `endTime` null means open-ended (vendor sends 2999-12-31T23:59:59Z). */
export const OwnershipSpanSchema = z.object({
  id: z.number().int(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  manager: z.number().int(),
});
export type OwnershipSpan = z.infer<typeof OwnershipSpanSchema>;

export const InsidersDeviceSchema = z.object({
  deviceId: z.number().int(),
  deviceName: z.string(),
  serialNumber: z.string(),
  ownerships: z.array(OwnershipSpanSchema),
  /** Which configured connection (account) this record came from; set by sync. */
  connectionId: z.string().optional(),
});
export type InsidersDevice = z.infer<typeof InsidersDeviceSchema>;

/** Telemetron has no device listing: the app knows a device through the customers it queried. */
export const TelemetronDeviceSchema = z.object({
  identifier: z.string(),
  customers: z.array(z.string()),
  /** Which configured connection (account) this record came from; set by sync. */
  connectionId: z.string().optional(),
});
export type TelemetronDevice = z.infer<typeof TelemetronDeviceSchema>;

export const AlgosecDeviceSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  brand: z.string(),
  groups: z.array(z.string()),
  /** Which configured connection (account) this record came from; set by sync. */
  connectionId: z.string().optional(),
});
export type AlgosecDevice = z.infer<typeof AlgosecDeviceSchema>;

/** A value two vendors disagree on, shown to the user rather than silently merged. */
export const FieldConflictSchema = z.object({
  field: z.string(),
  values: z.array(z.object({ vendor: z.enum(VENDORS), value: z.string() })),
});
export type FieldConflict = z.infer<typeof FieldConflictSchema>;

/**
 * One physical device as seen through every vendor. `key` is stable across
 * syncs: `serial:<normalized serial>` when linked by serial, otherwise
 * `<vendor>:<vendor id>` for a record that could not be linked.
 */
export const FleetDeviceSchema = z.object({
  key: z.string(),
  serial: z.string().nullable(),
  name: z.string(),
  absolute: AbsoluteDeviceSchema.optional(),
  insiders: InsidersDeviceSchema.optional(),
  telemetron: TelemetronDeviceSchema.optional(),
  algosec: AlgosecDeviceSchema.optional(),
  conflicts: z.array(FieldConflictSchema),
});
export type FleetDevice = z.infer<typeof FleetDeviceSchema>;

/** How fresh each vendor's part of the fleet is. */
export const VendorFreshnessSchema = z.object({
  vendor: z.enum(VENDORS),
  connectionId: z.string(),
  asOf: z.string().nullable(),
  deviceCount: z.number().int(),
  lastError: z.string().nullable(),
});
export type VendorFreshness = z.infer<typeof VendorFreshnessSchema>;

/** The Insiders sentinel for an open-ended span. */
export const OPEN_END = '2999-12-31T23:59:59Z';
