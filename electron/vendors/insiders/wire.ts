import { z } from 'zod';
import { OPEN_END, type OwnershipSpan } from '../../../shared/model';

/** Insiders wire shapes (snake_case, as the API sends them) and their mapping to the app's shapes. */

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const DeviceWireSchema = z.object({
  id: z.number().int(),
  device_name: z.string(),
  serial_number: z.string(),
});
export type DeviceWire = z.infer<typeof DeviceWireSchema>;

export const OwnershipWireSchema = z.object({
  id: z.number().int(),
  start_time: z.string(),
  // Open-ended spans carry the 2999 sentinel; null is accepted too in case a variant sends it.
  end_time: z.string().nullable(),
  device: z.number().int(),
  manager: z.number().int(),
  device_details: DeviceWireSchema,
});
export type OwnershipWire = z.infer<typeof OwnershipWireSchema>;

/** Django REST Framework page: `{count, next, previous, results}`. */
export const drfPage = <T extends z.ZodType>(item: T) =>
  z.object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });

/** An ownership as the app uses it: the span plus which device it belongs to. */
export type InsidersOwnership = OwnershipSpan & { deviceId: number; deviceName: string; serialNumber: string };

const OPEN_END_MS = Date.parse(OPEN_END);

/** The vendor's far-future end marks a current (open) span; the app says null. */
export function toEndTime(end: string | null): string | null {
  if (end === null) return null;
  const ms = Date.parse(end);
  return Number.isNaN(ms) || ms < OPEN_END_MS ? end : null;
}

export function toOwnership(w: OwnershipWire): InsidersOwnership {
  return {
    id: w.id,
    startTime: w.start_time,
    endTime: toEndTime(w.end_time),
    manager: w.manager,
    deviceId: w.device,
    deviceName: w.device_details.device_name,
    serialNumber: w.device_details.serial_number,
  };
}

export function toSpan(o: InsidersOwnership): OwnershipSpan {
  return { id: o.id, startTime: o.startTime, endTime: o.endTime, manager: o.manager };
}
