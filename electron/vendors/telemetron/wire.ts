import { z } from 'zod';

/** Documented Telemetron answers (telemetron-assign-device.txt, telemetron-unassign-device.txt). */

export const AssignAnswerSchema = z.object({
  success: z.boolean().optional(),
  message: z.string().optional(),
  deviceId: z.string(),
  deviceWasCreated: z.boolean(),
  assignedCustomers: z.array(z.object({ email: z.string(), customerId: z.string(), wasCreated: z.boolean() })),
});

export const UnassignAnswerSchema = z.object({
  success: z.boolean().optional(),
  message: z.string().optional(),
  customerId: z.string(),
  deviceIdentifier: z.string().optional(),
  devicesRemaining: z.array(z.string()),
});
