import { z } from 'zod';

/** `GET /v2/reporting/devices` row as Absolute sends it (extra fields ignored). */
export const WireDeviceSchema = z.object({
  id: z.string(),
  esn: z.string(),
  systemName: z.string().nullable().transform((v) => v ?? ''),
  serial: z.string().nullable().transform((v) => v ?? ''),
  username: z.string().nullable().transform((v) => v ?? ''),
  agentStatus: z.enum(['A', 'I', 'D']),
  isStolen: z.boolean(),
  lastConnectedUtc: z.string().nullable(),
  policyGroupName: z.string().nullable().optional().transform((v) => v ?? null),
});
export const WireDeviceListSchema = z.array(WireDeviceSchema);

/** One result of `POST /v2/device-unenrollment/unenroll`. */
export const UnenrollResultSchema = z.object({
  deviceUid: z.string(),
  systemName: z.string().nullable().transform((v) => v ?? ''),
  username: z.string().nullable().transform((v) => v ?? ''),
  eligibleStatus: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  serial: z.string().nullable().transform((v) => v ?? ''),
  esn: z.string().nullable().transform((v) => v ?? ''),
});
export const UnenrollResponseSchema = z.array(UnenrollResultSchema);
export type UnenrollResult = z.infer<typeof UnenrollResultSchema>;
