import { z } from 'zod';

/** AlgoSec AFA wire shapes (VENDOR-NOTES.md; the `firewalls` meaning is in inferred.ts). */

export const LoginAnswerSchema = z.object({
  status: z.boolean(),
  SessionID: z.string().min(1).optional(),
});

export const DeviceWireSchema = z.object({
  name: z.string(),
  display_name: z.string(),
  brand: z.string(),
});
export const DeviceListSchema = z.array(DeviceWireSchema);

/** Other entity types (if the appliance ever sends them) are kept loose and dropped by the client. */
export const GroupOfDevicesWireSchema = z.object({
  entityType: z.string(),
  name: z.string(),
  displayName: z.string(),
  firewalls: z.array(z.string()),
});
export const GroupsOfDevicesSchema = z.array(GroupOfDevicesWireSchema);

export const FieldErrorSchema = z.object({ field: z.string(), error: z.string() });

/** `{error, description, fieldErrors[]}` (groups-remove-devices.txt). */
export const VendorErrorSchema = z.object({
  error: z.string(),
  description: z.string().optional(),
  fieldErrors: z.array(FieldErrorSchema).optional(),
});
export type VendorErrorBody = z.infer<typeof VendorErrorSchema>;

/** Success bodies are a bare JSON string ("Devices removed successfully"); an object with a message is accepted too. */
export const SuccessMessageSchema = z.union([z.string(), z.object({ message: z.string() }).transform((o) => o.message)]);
